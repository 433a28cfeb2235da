# Reference values for `survival` from R's survival package (survfit, survdiff, print rmean).
# Run from the project root:  Rscript test/reference/survival.R > test/fixtures/km/survival-r.json
# The data files beside the fixture are copies of public data sets; see test/fixtures/km/README.md.
suppressPackageStartupMessages(library(survival))

num <- function(x) ifelse(is.na(x), "null", ifelse(is.infinite(x), "null", sprintf("%.12g", x)))
arr <- function(x) paste0("[", paste(num(x), collapse = ","), "]")

fitJson <- function(fit, horizon) {
  s <- summary(fit, censored = TRUE)
  tab <- summary(fit, rmean = horizon)$table
  med <- if (is.matrix(tab)) tab[1, ] else tab
  paste0(
    '{"time":', arr(fit$time), ',"nRisk":', arr(fit$n.risk), ',"nEvent":', arr(fit$n.event),
    ',"nCensor":', arr(fit$n.censor), ',"surv":', arr(fit$surv),
    ',"seSurv":', arr(fit$std.err * fit$surv), ',"lower":', arr(fit$lower), ',"upper":', arr(fit$upper),
    ',"median":', num(med[["median"]]), ',"medianLower":', num(med[["0.95LCL"]]),
    ',"medianUpper":', num(med[["0.95UCL"]]), ',"horizon":', num(horizon),
    ',"rmean":', num(med[["rmean"]]), ',"seRmean":', num(med[["se(rmean)"]]), '}')
}

curves <- function(name, time, status, entry = NULL, horizon) {
  out <- c()
  for (ct in c("log", "log-log", "plain")) {
    fit <- if (is.null(entry)) survfit(Surv(time, status) ~ 1, conf.type = ct)
           else survfit(Surv(entry, time, status) ~ 1, conf.type = ct)
    out <- c(out, paste0('"', ct, '":', fitJson(fit, horizon)))
  }
  paste0('"', name, '":{', paste(out, collapse = ","), '}')
}

logrank <- function(name, time, status, group) {
  d <- survdiff(Surv(time, status) ~ group)
  p <- 1 - pchisq(d$chisq, length(d$n) - 1)
  paste0('"', name, '":{"groups":[', paste0('"', names(d$n), '"', collapse = ","), '],"observed":', arr(d$obs),
         ',"expected":', arr(d$exp), ',"chiSquare":', num(d$chisq), ',"pValue":', num(p), '}')
}

gehan <- read.table("test/fixtures/km/gehan.dat", col.names = c("group", "time", "status"))
aml <- read.csv("test/fixtures/km/aml.csv")
g3 <- read.csv("test/fixtures/km/g3.csv")
g3$status <- as.integer(g3$event == "True")
macs <- read.delim("test/fixtures/km/multicenter_aids_cohort.tsv")
veteran <- read.csv("test/fixtures/km/veteran.csv")
veteran3 <- veteran[veteran$celltype != "large", ]

parts <- c(
  curves("gehan-6mp", gehan$time[gehan$group == 2], gehan$status[gehan$group == 2], horizon = 30),
  curves("gehan-placebo", gehan$time[gehan$group == 1], gehan$status[gehan$group == 1], horizon = 30),
  curves("aml-maintained", aml$time[aml$group == 1], aml$cens[aml$group == 1], horizon = 100),
  curves("aml-nonmaintained", aml$time[aml$group == 2], aml$cens[aml$group == 2], horizon = 40),
  curves("g3-all", g3$time, g3$status, horizon = 60),
  curves("macs-delayed-entry", macs$T, macs$D, entry = macs$W, horizon = 8)
)
tests <- c(
  logrank("gehan", gehan$time, gehan$status, gehan$group),
  logrank("aml", aml$time, aml$cens, aml$group),
  logrank("g3", g3$time, g3$status, g3$group),
  logrank("veteran", veteran$time, veteran$status, veteran$celltype),
  logrank("veteran-3", veteran3$time, veteran3$status, veteran3$celltype)
)
cat('{"generator":"R ', R.version$major, '.', R.version$minor, ', survival ', as.character(packageVersion("survival")),
    '","curves":{', paste(parts, collapse = ","), '},"logRank":{', paste(tests, collapse = ","), '}}\n', sep = "")
