# Reference values for `suggestHealthWeights` from R: glm (binomial, logit) on the measures' scores per
# 100 points, fitted on the earlier snapshots (the time split the library documents), and pROC's AUC and
# DeLong interval for the score composed with the suggested weights on the held-out ones.
# Run from the project root:  Rscript test/reference/health-weights.R > test/fixtures/health/weights-r.json
# The snapshots are simulated here (seeded) and written beside the fixture as weights.csv: churn risk
# falls with usage and support, slightly with sentiment, and not at all with noise.
suppressPackageStartupMessages(library(pROC))
set.seed(20261203)
n <- 600
day <- sample(0:364, n, replace = TRUE)
at <- format(as.POSIXct("2024-01-01", tz = "UTC") + day * 86400, "%Y-%m-%dT%H:%M:%SZ", tz = "UTC")
clip <- function(x) round(pmin(100, pmax(0, x)))
usage <- clip(rnorm(n, 60, 20))
support <- clip(rnorm(n, 70, 15))
sentiment <- clip(rnorm(n, 55, 25))
noise <- clip(rnorm(n, 50, 20))
churned <- rbinom(n, 1, plogis(3 - 4 * usage / 100 - 2.5 * support / 100 - 0.5 * sentiment / 100))
current <- (usage + support + sentiment + noise) / 4
write.csv(data.frame(account = seq_len(n), at, usage, support, sentiment, noise, churned),
          "test/fixtures/health/weights.csv", row.names = FALSE, quote = FALSE)

num <- function(x) sprintf("%.15g", x)
X <- data.frame(usage, support, sentiment, noise) / 100
fitJson <- function(rows) {
  m <- glm(churned[rows] ~ usage + support + sentiment + noise, data = X[rows, ], family = binomial)
  s <- summary(m)$coefficients
  b <- coef(m)[-1]
  w <- pmax(-b, 0) / sum(pmax(-b, 0))
  list(m = m, w = w, json = paste0(
    '{"n":', sum(rows), ',"churned":', sum(churned[rows]), ',"deviance":', num(deviance(m)), ',"iter":', m$iter,
    ',"intercept":', num(coef(m)[1]),
    ',"coefficients":{', paste0('"', names(b), '":', num(b), collapse = ","), '}',
    ',"se":{', paste0('"', names(b), '":', num(s[-1, 2]), collapse = ","), '}',
    ',"p":{', paste0('"', names(b), '":', num(s[-1, 4]), collapse = ","), '}',
    ',"weights":{', paste0('"', names(w), '":', num(w), collapse = ","), '}}'))
}
aucJson <- function(s, y) {
  r <- roc(y, s, levels = c(0, 1), direction = ">", quiet = TRUE)
  ci <- ci.auc(r, method = "delong", conf.level = 0.95)
  paste0('{"auc":', num(as.numeric(r$auc)), ',"lower":', num(ci[1]), ',"upper":', num(ci[3]), '}')
}
# The time split: every snapshot at or after the instant of the first held-out one in time order.
cutoff <- sort(day)[floor(n * 0.7) + 1]
fit <- day < cutoff
all <- fitJson(rep(TRUE, n))
timed <- fitJson(fit)
held <- !fit
suggested <- as.matrix(data.frame(usage, support, sentiment, noise)[held, ]) %*% timed$w
cat('{"source":"R ', as.character(getRversion()), ', pROC ', as.character(packageVersion("pROC")), '",',
    '"all":', all$json, ',"time":', timed$json,
    ',"heldOut":{"n":', sum(held), ',"churned":', sum(churned[held]),
    ',"suggested":', aucJson(as.numeric(suggested), churned[held]),
    ',"current":', aucJson(current[held], churned[held]), '}}\n', sep = "")
