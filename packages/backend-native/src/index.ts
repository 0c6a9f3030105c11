export { registerNativeBackend, NATIVE_BACKEND } from './register-native-backend.js';
export type { NativeBackendOptions, NativeBackendStatus } from './register-native-backend.js';
export { nativeKernelCalls, resetNativeKernelCalls } from './kernels/native-mat-mul.js';
export type { NativeKernelCalls } from './kernels/native-mat-mul.js';
export { loadAddon } from './addon.js';
export type { AddonLoad, ConvGeometry, NativeAddon } from './addon.js';
