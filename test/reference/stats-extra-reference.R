# Reference values for welch-anova.ts, games-howell.ts, mann-whitney.ts, fisher.ts and
# effect-sizes.ts, computed with base R (R 4.2.2).
# Run: Rscript test/reference/stats-extra-reference.R > test/reference/stats-extra-reference.json
# CI never runs R; the tests read the JSON this script wrote.
source("test/reference/helpers.R")  # num, obj, cohen
arr <- function(xs) paste0("[", paste(unlist(xs), collapse = ", "), "]")
mat <- function(m) arr(lapply(seq_len(nrow(m)), function(i) num(m[i, ])))
out <- list()
likert <- function(counts) rep(1:5, counts)

# Likert frequency tables (codes 1..5). a, b, c as in stats-reference.R; d and the far-apart pair are new.
a <- c(3, 10, 25, 40, 22); b <- c(8, 20, 30, 30, 12); c3 <- c(1, 4, 10, 20, 15); d4 <- c(10, 15, 20, 10, 5)
fa <- c(1, 2, 10, 80, 107); fb <- c(90, 70, 25, 10, 5); fc <- c(40, 50, 40, 30, 20)


# 1. Welch ANOVA (oneway.test) and eta² of the classic ANOVA
welch <- function(groups) {
  y <- unlist(lapply(groups, likert))
  g <- factor(rep(seq_along(groups), sapply(groups, sum)))
  w <- oneway.test(y ~ g, var.equal = FALSE)
  av <- anova(lm(y ~ g))
  obj(counts = arr(lapply(groups, num)), f = num(unname(w$statistic)), df1 = num(unname(w$parameter[1])),
      df2 = num(unname(w$parameter[2])), p = num(w$p.value), eta2 = num(av$`Sum Sq`[1] / sum(av$`Sum Sq`)))
}
out$welch_anova <- arr(list(welch(list(a, b)), welch(list(a, b, c3)), welch(list(a, b, c3, d4)), welch(list(fa, fb, fc))))

# 2. Games–Howell by its formula with ptukey/qtukey (base R has no function for it)
gh <- function(groups) {
  k <- length(groups); rows <- list()
  for (i in 1:(k - 1)) for (j in (i + 1):k) {
    x <- likert(groups[[i]]); y <- likert(groups[[j]])
    vx <- var(x) / length(x); vy <- var(y) / length(y)
    se <- sqrt(vx + vy)
    df <- (vx + vy)^2 / (vx^2 / (length(x) - 1) + vy^2 / (length(y) - 1))
    est <- mean(x) - mean(y)
    t <- est / se
    half <- qtukey(0.95, k, df) / sqrt(2) * se
    rows[[length(rows) + 1]] <- obj(i = i - 1, j = j - 1, t = num(t), df = num(df),
      p = num(ptukey(abs(t) * sqrt(2), k, df, lower.tail = FALSE)), estimate = num(est),
      ci = num(c(est - half, est + half)), d = num(cohen(x, y)))
  }
  obj(counts = arr(lapply(groups, num)), pairs = arr(rows))
}
out$games_howell <- arr(list(gh(list(a, b, c3)), gh(list(a, b, c3, d4)), gh(list(fa, fb, fc))))

# The studentized range itself (jstat with @stdlib's gammaln, see studentized-range.ts)
tk <- expand.grid(q = c(1, 3, 5), k = c(2, 4, 6), df = c(5, 50, 2000))
out$tukey <- obj(q = num(tk$q), k = num(tk$k), df = num(tk$df), p = num(ptukey(tk$q, tk$k, tk$df, lower.tail = FALSE)),
  q95 = num(qtukey(0.95, tk$k, tk$df)))

# 3. Mann–Whitney (wilcox.test, normal approximation with continuity correction)
mw <- function(x, y) {
  w <- wilcox.test(x, y, exact = FALSE, correct = TRUE)
  W <- unname(w$statistic)
  tx <- table(x); ty <- table(y)
  obj(x_values = num(as.numeric(names(tx))), x_counts = num(as.vector(tx)), y_values = num(as.numeric(names(ty))), y_counts = num(as.vector(ty)),
      w = num(W), p = num(w$p.value), r = num(2 * W / (length(x) * length(y)) - 1))
}
out$mann_whitney <- arr(list(mw(likert(a), likert(b)), mw(likert(b), likert(a)), mw(likert(fa), likert(fb)),
  mw(c(1, 1, 2, 3, 3, 3, 7), c(2, 3, 3, 4, 5, 7, 7, 8, 9, 2.5))))

# 4. Fisher's exact test. For 2×2 also the odds ratio and its interval, both as fisher.test
# reports them (uniroot's default tol = 1.2e-4) and as the same equations solved to tol = 1e-15.
or_tight <- function(tab, tol = 1e-15) {
  m <- sum(tab[, 1]); n <- sum(tab[, 2]); k <- sum(tab[1, ]); x <- tab[1, 1]
  lo <- max(0, k - n); hi <- min(k, m); support <- lo:hi
  logdc <- dhyper(support, m, n, k, log = TRUE)
  dn <- function(ncp) { d <- logdc + log(ncp) * support; d <- exp(d - max(d)); d / sum(d) }
  mn <- function(ncp) sum(support * dn(ncp))
  pn <- function(ncp, upper) sum(dn(ncp)[if (upper) support >= x else support <= x])
  root <- function(f) uniroot(f, c(.Machine$double.eps, 1), tol = tol, maxiter = 10000)$root
  # Each as fisher.test: solve in t on (0, 1) or in 1/t, by where the equation stands at ψ = 1.
  solve <- function(g) if (g(1) > 0) root(g) else 1 / root(function(t) g(1 / t))
  est <- if (x == lo) 0 else if (x == hi) Inf else solve(function(t) mn(t) - x)
  low <- if (x == lo) 0 else solve(function(t) pn(t, TRUE) - 0.025)
  high <- if (x == hi) Inf else solve(function(t) 0.025 - pn(t, FALSE))
  c(est, low, high)
}
fisher <- function(tab) {
  kept <- tab[rowSums(tab) > 0, colSums(tab) > 0, drop = FALSE]
  f <- fisher.test(kept)
  if (all(dim(kept) == 2)) {
    obj(table = mat(tab), p = num(f$p.value), or = num(unname(f$estimate)), or_ci = num(f$conf.int), or_tight = num(or_tight(kept)))
  } else obj(table = mat(tab), p = num(f$p.value))
}
out$fisher <- arr(list(
  fisher(rbind(c(12, 5), c(7, 15))),
  fisher(rbind(c(60, 2), c(3, 55))),
  fisher(rbind(c(0, 7), c(5, 4))),
  fisher(rbind(c(3, 5), c(5, 3))),
  fisher(rbind(c(1, 3, 2), c(2, 3, 1))),
  fisher(rbind(c(3, 1, 4), c(1, 5, 2))),
  fisher(rbind(c(2, 0, 3, 4, 1), c(0, 3, 1, 2, 5))),
  fisher(rbind(c(2, 5, 10, 8, 5), c(6, 9, 8, 4, 3))),
  fisher(rbind(c(2, 1, 0), c(1, 3, 2), c(0, 2, 4))),
  fisher(rbind(c(1, 2, 0, 3), c(2, 0, 3, 1), c(0, 3, 1, 2))),
  fisher(rbind(c(3, 0, 2, 5), c(1, 0, 6, 2))),
  fisher(rbind(c(3, 1), c(1, 4), c(2, 2), c(0, 3))),
  fisher(rbind(c(1, 3, 5, 4, 2), c(2, 4, 3, 3, 1), c(0, 2, 4, 5, 4)))))

# 5. Effect sizes: Cohen's d, Cramér's V / phi, Newcombe's hybrid score interval (method 10)
out$cohen_d <- obj(d = num(cohen(likert(a), likert(b))), d_far = num(cohen(likert(fa), likert(fb))))
cv <- function(tab) {
  x2 <- unname(suppressWarnings(chisq.test(tab, correct = FALSE))$statistic)
  obj(table = mat(tab), v = num(sqrt(x2 / (sum(tab) * (min(dim(tab)) - 1)))))
}
out$cramers_v <- arr(list(cv(rbind(a, b, c3)), cv(rbind(c(12, 5), c(7, 15))), cv(rbind(c(3, 1, 4), c(1, 5, 2)))))
wilson <- function(x, n) prop.test(x, n, correct = FALSE)$conf.int
newcombe <- function(x1, n1, x2, n2) {
  p1 <- x1 / n1; p2 <- x2 / n2; w1 <- wilson(x1, n1); w2 <- wilson(x2, n2)
  d <- p1 - p2
  obj(x1 = x1, n1 = n1, x2 = x2, n2 = n2, d = num(d),
      ci = num(c(d - sqrt((p1 - w1[1])^2 + (w2[2] - p2)^2), d + sqrt((w1[2] - p1)^2 + (p2 - w2[1])^2))))
}
out$newcombe <- arr(list(newcombe(75, 101, 84, 150), newcombe(0, 30, 2, 40), newcombe(1, 200, 0, 150), newcombe(49, 50, 50, 50), newcombe(29, 30, 38, 40)))

cat("{\n", paste(sprintf('  "%s": %s', names(out), unlist(out)), collapse = ",\n"), "\n}\n", sep = "")
