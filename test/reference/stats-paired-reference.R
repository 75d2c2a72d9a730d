# Reference values for kruskal-wallis.ts, t-paired.ts, wilcoxon-signed-rank.ts, the 2×k path of
# fisher.ts and the two-proportion z-test with Newcombe's interval, computed with base R (R 4.2.2).
# Run: Rscript test/reference/stats-paired-reference.R > test/reference/stats-paired-reference.json
# CI never runs R; test/analyze/stats-paired.test.ts reads the JSON this script wrote.
source("test/reference/helpers.R")  # num, obj, cohen
arr <- function(xs) paste0("[", paste(unlist(xs), collapse = ", "), "]")
mat <- function(m) arr(lapply(seq_len(nrow(m)), function(i) num(m[i, ])))
out <- list()
likert <- function(counts) rep(seq_along(counts), counts)

# 1. Kruskal–Wallis (kruskal.test) with eta²_H = (H − k + 1)/(N − k)
kw <- function(groups) {
  y <- unlist(lapply(groups, likert)); g <- factor(rep(seq_along(groups), sapply(groups, sum)))
  k <- kruskal.test(y, g); h <- unname(k$statistic)
  obj(counts = arr(lapply(groups, num)), h = num(h), df = num(unname(k$parameter)), p = num(k$p.value),
      eta2h = num((h - length(groups) + 1) / (length(y) - length(groups))))
}
out$kruskal_wallis <- arr(list(
  kw(list(c(3, 10, 25, 40, 22), c(8, 20, 30, 30, 12), c(1, 4, 10, 20, 15))),
  kw(list(c(3, 10, 25, 40, 22), c(8, 20, 30, 30, 12), c(1, 4, 10, 20, 15), c(10, 15, 20, 10, 5))),
  kw(list(c(1, 2, 10, 80, 107), c(90, 70, 25, 10, 5), c(40, 50, 40, 30, 20)))))

# 2. Paired t (t.test paired) with d_z and its normal-approximation interval, and Wilcoxon
# signed-rank (wilcox.test paired, exact = FALSE, correct = TRUE) with the matched-pairs r.
# Pairs are given as a table of differences (value, count), as the pipeline counts them.
paired <- function(values, counts) {
  d <- rep(values, counts); x <- d; y <- rep(0, length(d))
  tt <- t.test(x, y, paired = TRUE)
  dz <- mean(d) / sd(d); n <- length(d); half <- qnorm(0.975) * sqrt(1 / n + dz^2 / (2 * n))
  w <- suppressWarnings(wilcox.test(x, y, paired = TRUE, exact = FALSE, correct = TRUE))
  nz <- sum(d != 0); s <- nz * (nz + 1) / 2; v <- unname(w$statistic)
  obj(values = num(values), counts = num(counts), t = num(unname(tt$statistic)), df = num(unname(tt$parameter)), p = num(tt$p.value),
      estimate = num(unname(tt$estimate)), ci = num(tt$conf.int), dz = num(c(dz, dz - half, dz + half)),
      v = num(v), w_p = num(w$p.value), r = num((2 * v - s) / s))
}
out$paired <- arr(list(
  paired(c(-2, -1, 0, 1, 2, 3), c(5, 20, 60, 40, 15, 4)),
  paired(c(-1, 0, 1), c(30, 100, 28)),
  paired(c(-4, -1, 0, 1, 2), c(1, 3, 10, 90, 60)),
  paired(c(-3, -2, -1, 1, 2, 3, 4), c(2, 7, 12, 11, 9, 3, 1))))

# 3. Fisher's exact test on tables large enough that fisher.test needs more workspace: 2×k, r×2,
# three and four rows of which all but two are small, and a small 3×3 (the network algorithm).
fisher_big <- function(tab) obj(table = mat(tab), p = num(fisher.test(tab, workspace = 2e8)$p.value))
out$fisher <- arr(list(
  fisher_big(rbind(c(1, 4, 22, 10, 6, 4, 57), c(4, 10, 86, 18, 14, 10, 14))),
  fisher_big(rbind(c(28, 8, 16, 18, 16, 12, 6), c(34, 2, 24, 30, 34, 32, 1))),
  fisher_big(rbind(c(21, 75, 5, 3), c(30, 116, 8, 2))),
  fisher_big(cbind(c(12, 30, 8, 2, 40), c(20, 22, 3, 6, 35))),
  fisher_big(rbind(c(3, 0, 2, 9, 1), c(0, 5, 1, 1, 7))),
  fisher_big(rbind(c(4, 10, 28, 26, 6, 30), c(2, 8, 36, 78, 24, 8), c(0, 0, 1, 2, 1, 0))),
  fisher_big(rbind(c(10, 25, 30, 12), c(15, 40, 22, 9), c(1, 0, 2, 1), c(0, 2, 1, 0))),
  fisher_big(rbind(c(2, 3, 1), c(1, 0, 4), c(3, 2, 2)))))

# 4. Two proportions: prop.test's z and p, Newcombe's hybrid score interval (method 10) and Cohen's h
wilson <- function(x, n) prop.test(x, n, correct = FALSE)$conf.int
zprop <- function(x1, n1, x2, n2) {
  p1 <- x1 / n1; p2 <- x2 / n2; w1 <- wilson(x1, n1); w2 <- wilson(x2, n2); d <- p1 - p2
  pt <- suppressWarnings(prop.test(c(x1, x2), c(n1, n2), correct = FALSE))
  obj(x1 = x1, n1 = n1, x2 = x2, n2 = n2, z = num(sign(d) * sqrt(unname(pt$statistic))), p = num(pt$p.value), d = num(d),
      ci = num(c(d - sqrt((p1 - w1[1])^2 + (w2[2] - p2)^2), d + sqrt((w1[2] - p1)^2 + (p2 - w2[1])^2))),
      h = num(2 * asin(sqrt(p1)) - 2 * asin(sqrt(p2))))
}
out$z_2prop <- arr(list(zprop(75, 101, 84, 150), zprop(3, 40, 19, 45), zprop(590, 1000, 20, 400)))

cat("{\n", paste(sprintf('  "%s": %s', names(out), unlist(out)), collapse = ",\n"), "\n}\n", sep = "")
