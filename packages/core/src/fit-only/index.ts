export { FitOnlyTrainer, fitOnlyTrainerComponent, fitOnlyTrainerOptionsSchema } from './fit-only-trainer.js';
export { noneDiscriminator, noneDiscriminatorComponent } from './none-discriminator.js';
