# Reference values for the statistics in pipeline/analyze/stats, computed with base R.
# Run: Rscript test/reference/stats-reference.R > test/reference/stats-reference.json
# CI never runs R; the tests read the JSON this script wrote (R 4.2.2).
source("test/reference/helpers.R")  # num, obj, cohen
out <- list()

# 1. Two groups of continuous values (toolchain.md §5)
x <- c(5.1, 4.9, 6.2, 5.8, 6.0, 5.5, 5.3)
y <- c(4.1, 4.5, 4.8, 5.0, 4.2, 4.7, 5.2, 4.4)
w <- t.test(x, y)
s <- t.test(x, y, var.equal = TRUE)
g <- factor(c(rep("a", length(x)), rep("b", length(y))))
v <- c(x, y)
dev <- abs(v - ave(v, g))
lev <- anova(lm(dev ~ g))
out$two_groups <- obj(x = num(x), y = num(y),
  welch_t = num(unname(w$statistic)), welch_df = num(unname(w$parameter)), welch_p = num(w$p.value), welch_ci = num(w$conf.int),
  student_t = num(unname(s$statistic)), student_df = num(unname(s$parameter)), student_p = num(s$p.value), student_ci = num(s$conf.int),
  levene_f = num(lev$`F value`[1]), levene_df1 = num(lev$Df[1]), levene_df2 = num(lev$Df[2]), levene_p = num(lev$`Pr(>F)`[1]))

# 2. Likert answers of three groups, as frequency tables (codes 1..5)
a <- rep(1:5, c(3, 10, 25, 40, 22))
b <- rep(1:5, c(8, 20, 30, 30, 12))
c3 <- rep(1:5, c(1, 4, 10, 20, 15))
gg <- factor(c(rep("a", length(a)), rep("b", length(b)), rep("c", length(c3))))
vv <- c(a, b, c3)
av <- anova(lm(vv ~ gg))
dev3 <- abs(vv - ave(vv, gg))
lev3 <- anova(lm(dev3 ~ gg))
ct <- suppressWarnings(chisq.test(table(gg, vv), correct = FALSE))
out$three_groups <- obj(a = num(table(factor(a, 1:5))), b = num(table(factor(b, 1:5))), c = num(table(factor(c3, 1:5))),
  anova_f = num(av$`F value`[1]), anova_df1 = num(av$Df[1]), anova_df2 = num(av$Df[2]), anova_p = num(av$`Pr(>F)`[1]),
  levene_f = num(lev3$`F value`[1]), levene_p = num(lev3$`Pr(>F)`[1]),
  chisq = num(unname(ct$statistic)), chisq_df = num(unname(ct$parameter)), chisq_p = num(ct$p.value))

# 3. Two proportions (prop.test without continuity correction; z = sign(p1 - p2) * sqrt(X²))
pt2 <- prop.test(c(75, 84), c(101, 150), correct = FALSE)
out$two_prop <- obj(x1 = 75, n1 = 101, x2 = 84, n2 = 150,
  z = num(sign(75/101 - 84/150) * sqrt(unname(pt2$statistic))), p = num(pt2$p.value), ci = num(pt2$conf.int))

# 4. Wilson interval (prop.test on one proportion without correction)
wi <- prop.test(75, 101, correct = FALSE)
out$wilson <- obj(x = 75, n = 101, ci = num(wi$conf.int))

# 5. Mean interval
mi <- t.test(a)
out$mean_ci <- obj(ci = num(mi$conf.int))

# 6. OLS with two predictors on integer data, weighted rows = repeated rows
set.seed(20190311)
n <- 60
x1 <- sample(1:5, n, replace = TRUE)
x2 <- sample(1:5, n, replace = TRUE)
yy <- pmin(5, pmax(1, round(1 + 0.5 * x1 + 0.2 * x2 + rnorm(n, 0, 0.8))))
m <- lm(yy ~ x1 + x2)
sm <- summary(m)
co <- sm$coefficients
beta <- coef(m)[-1] * c(sd(x1), sd(x2)) / sd(yy)
fs <- sm$fstatistic
out$ols <- obj(y = num(yy), x1 = num(x1), x2 = num(x2),
  b = num(unname(co[, 1])), se = num(unname(co[, 2])), t = num(unname(co[, 3])), p = num(unname(co[, 4])), beta = num(unname(beta)),
  r2 = num(sm$r.squared), adj_r2 = num(sm$adj.r.squared), f = num(unname(fs[1])), df1 = num(unname(fs[2])), df2 = num(unname(fs[3])),
  f_p = num(pf(fs[1], fs[2], fs[3], lower.tail = FALSE)))

# 7. Far tails
out$tails <- obj(t_p = num(2 * pt(-40, 1000)), f_p = num(pf(100, 10, 1000, lower.tail = FALSE)), chisq_p = num(pchisq(100, 1, lower.tail = FALSE)),
  z_p = num(2 * pnorm(-9)), t_small = num(2 * pt(-2.1, 17)), f_1_241 = num(pf(32.27, 1, 241, lower.tail = FALSE)))

# 8. Holm
ps <- c(0.01, 0.04, 0.03, 0.005, 0.5)
out$holm <- obj(p = num(ps), adjusted = num(p.adjust(ps, "holm")))

cat("{\n", paste(sprintf('  "%s": %s', names(out), unlist(out)), collapse = ",\n"), "\n}\n", sep = "")
