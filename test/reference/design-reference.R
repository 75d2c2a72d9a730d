# Reference values for pipeline/analyze/stats/design (design-based estimates for a one-stage
# cluster sample of Nav offices), computed with R's survey package (survey 4.1-1, R 4.2).
# Run from the repository root:
#   Rscript test/reference/design-reference.R > test/reference/design-reference.json
# It first writes the simulated fixture test/fixtures/design/clustered.csv, reads it back (so R and
# the test see the same parsed values) and then prints JSON with every value
# test/analyze/design.test.ts checks. CI never runs R.
suppressMessages(library(survey))
source("test/reference/helpers.R")  # num, obj, cohen
arr <- function(xs) paste0("[", paste(unlist(xs), collapse = ", "), "]")
str <- function(s) paste0("[", paste(sprintf('"%s"', s), collapse = ", "), "]")
out <- list()

# ---- 1. The fixture: 40 offices of uneven size (one of size 1), a strong office effect on every
# item, "Vet ikke" (9) and empty answers, an office without any respondent in stilling 3.
set.seed(20190611)
K <- 40
sizes <- sample(2:30, K, replace = TRUE)
sizes[17] <- 1
kontor <- sprintf("K%03d", seq_len(K))
u <- rnorm(K, 0, 0.8); v <- rnorm(K, 0, 0.6); w <- rnorm(K, 0, 1); xc <- rnorm(K, 0, 2)
k <- rep(seq_len(K), sizes); n <- length(k)
stilling <- sample(1:3, n, replace = TRUE, prob = c(0.5, 0.3, 0.2))
stilling[k == 5 & stilling == 3] <- 2
ansettelse <- sample(1:2, n, replace = TRUE, prob = c(0.75, 0.25))
x <- round(pmax(0, 5 + 5 * (stilling - 1) + xc[k] + rnorm(n, 0, 4)), 1)
likert <- function(latent) pmin(5, pmax(1, round(latent)))
y <- likert(2.9 + 0.35 * (stilling == 3) - 0.4 * (ansettelse == 2) + u[k] + rnorm(n, 0, 0.9))
y2 <- likert(1.4 + 0.12 * x + v[k] + rnorm(n, 0, 0.8))
z <- rbinom(n, 1, plogis(-0.3 + 0.7 * (ansettelse == 1) + w[k]))
y[runif(n) < 0.08] <- 9; y[runif(n) < 0.05] <- NA
y2[runif(n) < 0.06] <- 9; y2[runif(n) < 0.04] <- NA
x[runif(n) < 0.03] <- NA
fixture <- data.frame(resp_id = seq_len(n), kontor_id = kontor[k], stilling, ansettelse, y, y2, z, x)[sample(n), ]
dir.create("test/fixtures/design", recursive = TRUE, showWarnings = FALSE)
write.csv(fixture, "test/fixtures/design/clustered.csv", row.names = FALSE, na = "", quote = FALSE)

wave <- read.csv("test/fixtures/design/clustered.csv", colClasses = c(kontor_id = "character"))
# No weights: survey warns "assuming equal probability", which is the intended design.
des <- suppressWarnings(svydesign(ids = ~kontor_id, data = wave))
out$fixture <- obj(rows = num(nrow(wave)), clusters = num(length(unique(wave$kontor_id))), degf = num(degf(des)))

# A case names its variable, the codes that are not answers ("Vet ikke" = 9 for the Likert items)
# and the domain filter `by` (variable → admitted codes); the test rebuilds the same domain.
missing_codes <- function(var) if (var %in% c("y", "y2")) 9 else numeric(0)
answered <- function(var) !is.na(wave[[var]]) & !(wave[[var]] %in% missing_codes(var))
in_by <- function(by) Reduce(`&`, lapply(names(by), function(b) wave[[b]] %in% by[[b]]), rep(TRUE, nrow(wave)))
by_json <- function(by) if (!length(by)) "{}" else do.call(obj, lapply(by, function(v) arr(lapply(v, num))))
missing_json <- function(var) arr(lapply(missing_codes(var), num))
domain <- function(keep) subset(des, keep)

# ---- 2. Domain means with a t interval on degf of the domain and deff = "replace"
mean_case <- function(var, by = list()) {
  keep <- answered(var) & in_by(by); sub <- domain(keep)
  m <- eval(bquote(svymean(~.(as.name(var)), sub, deff = "replace")))
  obj(var = sprintf('"%s"', var), missing = missing_json(var), by = by_json(by),
      n = num(nrow(sub)), estimate = num(unname(coef(m))), se = num(unname(SE(m))),
      df = num(degf(sub)), ci = num(as.vector(confint(m, df = degf(sub)))),
      deff = num(unname(as.numeric(deff(m)))), degf_domain = num(degf(sub)))
}
out$means <- arr(list(
  mean_case("y"),
  mean_case("y", list(stilling = 1)), mean_case("y", list(stilling = 2)), mean_case("y", list(stilling = 3)),
  mean_case("y2", list(ansettelse = 2)),
  mean_case("x"),
  mean_case("z", list(stilling = 3, ansettelse = 2))))

# ---- 3. Proportions: svyciprop(method = "logit") with its default df = degf(subset design)
prop_case <- function(var, at_least, by = list()) {
  keep <- answered(var) & in_by(by); sub <- domain(keep)
  p <- eval(bquote(svyciprop(~I(.(as.name(var)) >= .(at_least)), sub, method = "logit")))
  m <- eval(bquote(svymean(~as.numeric(.(as.name(var)) >= .(at_least)), sub, deff = "replace")))
  obj(var = sprintf('"%s"', var), missing = missing_json(var), by = by_json(by), at_least = num(at_least),
      n = num(nrow(sub)), estimate = num(as.numeric(p)), se = num(as.numeric(SE(p))),
      ci = num(as.vector(attr(p, "ci"))), df = num(degf(sub)), deff = num(unname(as.numeric(deff(m)))))
}
out$proportions <- arr(list(
  prop_case("y", 4), prop_case("y", 4, list(stilling = 3)), prop_case("y2", 5, list(ansettelse = 2)),
  prop_case("z", 1), prop_case("z", 1, list(stilling = 1, ansettelse = 2))))

# ---- 4. svyttest(v ~ factor(g)) on the domain "answered and g in (a, b)": R's estimate is the
# coefficient of the second level, i.e. mean(b) − mean(a).
ttest_case <- function(var, g, a, b, by = list()) {
  keep <- answered(var) & wave[[g]] %in% c(a, b) & in_by(by); sub <- domain(keep)
  t <- eval(bquote(svyttest(.(as.name(var)) ~ factor(.(as.name(g))), sub)))
  obj(var = sprintf('"%s"', var), missing = missing_json(var), by = by_json(by), g = sprintf('"%s"', g), a = num(a), b = num(b),
      t = num(unname(t$statistic)), df = num(unname(t$parameter)), p = num(t$p.value),
      estimate = num(unname(t$estimate)), ci = num(as.vector(t$conf.int)))
}
out$ttests <- arr(list(
  ttest_case("y", "ansettelse", 1, 2), ttest_case("y2", "stilling", 1, 3),
  ttest_case("x", "stilling", 1, 2), ttest_case("y", "stilling", 2, 3, list(ansettelse = 2))))

# ---- 5. regTermTest(svyglm(v ~ factor(g)), ~factor(g)): default method "Wald", ddf = df.residual
wald_case <- function(var, g, by = list()) {
  keep <- answered(var) & !is.na(wave[[g]]) & in_by(by); sub <- domain(keep)
  m <- eval(bquote(svyglm(.(as.name(var)) ~ factor(.(as.name(g))), sub)))
  r <- eval(bquote(regTermTest(m, ~factor(.(as.name(g))))))
  obj(var = sprintf('"%s"', var), missing = missing_json(var), by = by_json(by), g = sprintf('"%s"', g),
      levels = num(sort(unique(sub$variables[[g]]))),
      f = num(as.numeric(r$Ftest)), df1 = num(r$df), df2 = num(r$ddf), p = num(as.numeric(r$p)))
}
out$wald <- arr(list(wald_case("y", "stilling"), wald_case("y2", "stilling"), wald_case("x", "stilling"),
  wald_case("y", "stilling", list(ansettelse = 2))))

# ---- 6. svychisq(~g + v): Rao–Scott F (default) and first-order "Chisq". Empty answers are not
# in the domain, "Vet ikke" (9) is a category of its own.
chisq_case <- function(g, var, by = list()) {
  keep <- !is.na(wave[[g]]) & !is.na(wave[[var]]) & in_by(by); sub <- domain(keep)
  f <- eval(bquote(svychisq(~.(as.name(g)) + .(as.name(var)), sub)))
  ch <- eval(bquote(svychisq(~.(as.name(g)) + .(as.name(var)), sub, statistic = "Chisq")))
  obj(g = sprintf('"%s"', g), var = sprintf('"%s"', var), by = by_json(by),
      rows = num(sort(unique(sub$variables[[g]]))), cols = num(sort(unique(sub$variables[[var]]))),
      f = num(unname(f$statistic)), ndf = num(unname(f$parameter[1])), ddf = num(unname(f$parameter[2])), p = num(f$p.value),
      pearson = num(unname(ch$statistic)), chisq_df = num(unname(ch$parameter)), chisq_p = num(ch$p.value))
}
out$chisq <- arr(list(chisq_case("stilling", "y"), chisq_case("ansettelse", "z"),
  chisq_case("stilling", "y2", list(ansettelse = 1)), chisq_case("ansettelse", "y", list(stilling = c(2, 3)))))

# ---- 7. Gaussian svyglm on the complete cases of a domain, with the Wald F of all slopes
ols_case <- function(var, terms, by = list()) {
  keep <- Reduce(`&`, lapply(c(var, terms), answered)) & in_by(by); sub <- domain(keep)
  m <- svyglm(reformulate(terms, var), sub)
  s <- summary(m)$coefficients
  r <- regTermTest(m, reformulate(terms))
  obj(var = sprintf('"%s"', var), missing = missing_json(var), terms = str(terms), by = by_json(by), n = num(nrow(sub)),
      b = num(s[, 1]), se = num(s[, 2]), t = num(s[, 3]), p = num(s[, 4]), df_residual = num(m$df.residual),
      f = num(as.numeric(r$Ftest)), df1 = num(r$df), df2 = num(r$ddf), f_p = num(as.numeric(r$p)))
}
out$ols <- arr(list(ols_case("y2", c("x", "z")), ols_case("y", c("x", "ansettelse"), list(stilling = 2))))

cat("{\n", paste(sprintf('  "%s": %s', names(out), unlist(out)), collapse = ",\n"), "\n}\n", sep = "")
