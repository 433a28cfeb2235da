# Reference values for `healthBacktest` from R: pROC's AUC and DeLong interval, wilcox.test's
# Mann-Whitney W, and prop.test's Wilson interval (no continuity correction) per band.
# Run from the project root:  Rscript test/reference/health.R > test/fixtures/health/backtest-r.json
# The snapshots are simulated here (seeded) and written beside the fixture as backtest.csv:
# a score whose churn risk falls with it, rounded to whole points so that ties occur.
suppressPackageStartupMessages(library(pROC))
set.seed(20261202)
n <- 400
score <- round(pmin(100, pmax(0, rnorm(n, 62, 18))))
churned <- rbinom(n, 1, plogis(2.2 - 0.06 * score))
support <- round(pmin(100, pmax(0, score + rnorm(n, 0, 25))))
band <- ifelse(score < 40, "red", ifelse(score < 70, "yellow", "green"))
write.csv(data.frame(score, churned, support, band), "test/fixtures/health/backtest.csv", row.names = FALSE, quote = FALSE)

num <- function(x) sprintf("%.15g", x)
aucJson <- function(s) {
  r <- roc(churned, s, levels = c(0, 1), direction = ">", quiet = TRUE)
  ci <- ci.auc(r, method = "delong", conf.level = 0.95)
  w <- wilcox.test(s[churned == 0], s[churned == 1], exact = FALSE)$statistic
  paste0('{"auc":', num(as.numeric(r$auc)), ',"lower":', num(ci[1]), ',"upper":', num(ci[3]), ',"W":', num(w), '}')
}
bands <- sapply(c("red", "yellow", "green"), function(b) {
  x <- sum(churned[band == b]); k <- sum(band == b)
  ci <- prop.test(x, k, correct = FALSE)$conf.int
  paste0('"', b, '":{"n":', k, ',"churned":', x, ',"lower":', num(ci[1]), ',"upper":', num(ci[2]), '}')
})
cat('{"source":"R ', as.character(getRversion()), ', pROC ', as.character(packageVersion("pROC")), '",',
    '"score":', aucJson(score), ',"support":', aucJson(support), ',"bands":{', paste(bands, collapse = ","), '}}\n', sep = "")
