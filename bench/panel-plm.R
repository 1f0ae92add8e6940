# Times R plm's within estimator on a CSV written by bench/panel.ts.
#
#   Rscript bench/panel-plm.R FILE.csv EFFECT REPS [VCOV]
#
# FILE.csv has columns id, t, y, x1, x2; EFFECT is "twoways" or "individual";
# REPS repeats the fit (the median time is reported; use 1 for large files);
# VCOV is "cluster" (the default: also vcovHC arellano HC0) or "none".
# Prints one line per result, "key value...", read by bench/panel.ts:
#   read_seconds, plm_seconds (median), vcov_seconds (vcovHC arellano HC0),
#   coef, se, se_hc0 (%.17g), n, peak_rss_mb (VmHWM of this process).
suppressPackageStartupMessages(library(plm))
args <- commandArgs(trailingOnly = TRUE)
file <- args[[1]]
effect <- if (length(args) >= 2) args[[2]] else "twoways"
reps <- if (length(args) >= 3) as.integer(args[[3]]) else 1L
vcov_wanted <- if (length(args) >= 4) args[[4]] else "cluster"

t0 <- proc.time()[["elapsed"]]
d <- read.csv(file, colClasses = c("integer", "integer", "numeric", "numeric", "numeric"))
cat("read_seconds", proc.time()[["elapsed"]] - t0, "\n")

times <- numeric(reps)
for (r in seq_len(reps)) {
  t0 <- proc.time()[["elapsed"]]
  m <- plm(y ~ x1 + x2, data = d, index = c("id", "t"), model = "within", effect = effect)
  times[r] <- proc.time()[["elapsed"]] - t0
}
cat("plm_seconds", median(times), "\n")
cat("coef", sprintf("%.17g", coef(m)), "\n")
cat("se", sprintf("%.17g", sqrt(diag(vcov(m)))), "\n")
if (vcov_wanted == "cluster") {
  t0 <- proc.time()[["elapsed"]]
  v <- vcovHC(m, method = "arellano", type = "HC0", cluster = "group")
  cat("vcov_seconds", proc.time()[["elapsed"]] - t0, "\n")
  cat("se_hc0", sprintf("%.17g", sqrt(diag(v))), "\n")
}
cat("n", nobs(m), "\n")
status <- readLines("/proc/self/status")
hwm <- grep("^VmHWM:", status, value = TRUE)
if (length(hwm) == 1) cat("peak_rss_mb", as.numeric(gsub("[^0-9]", "", hwm)) / 1024, "\n")
cat("versions", R.version$major, R.version$minor, as.character(packageVersion("plm")), "\n")
