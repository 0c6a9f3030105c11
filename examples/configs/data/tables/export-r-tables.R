# Writes penguins.csv from the R package Debian ships (see SOURCE.md):
#   apt-get install -y --no-install-recommends r-base-core r-cran-palmerpenguins
#   Rscript export-r-tables.R
library(palmerpenguins)
write.csv(penguins, "penguins.csv", row.names = FALSE, na = "NA")
