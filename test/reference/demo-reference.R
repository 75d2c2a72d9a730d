# Reference values for compare / trend / regress on the bundled demo data (raw/), base R only.
# Run from the project root: Rscript test/reference/demo-reference.R > test/reference/demo-reference.json
# CI never runs R; test/analyze/demo-vs-r.test.ts reads the JSON. Regenerate when raw/ changes.
d <- read.csv("raw/ordforer_radmann/2019/responses.csv", colClasses = "character", na.strings = "")
b <- read.csv("raw/baselines/published_baselines.csv", colClasses = "character", na.strings = "")
int <- function(v) as.integer(v)
num <- function(x) if (length(x) == 1) sprintf("%.17g", x) else paste0("[", paste(sprintf("%.17g", x), collapse = ", "), "]")
obj <- function(...) { v <- list(...); paste0("{", paste(sprintf('"%s": %s', names(v), unlist(v)), collapse = ", "), "}") }
arr <- function(items) paste0("[", paste(items, collapse = ", "), "]")
groups <- c(ordforer = 1L, radmann = 2L, annet = 3L)
rolle <- int(d$rolle)

# compare: an item by rolle, restricted to codes; 9 excluded from means and top-2, kept in the distribution
compare <- function(item, codes) {
  v <- int(d[[item]])
  keep <- !is.na(v) & rolle %in% codes
  g <- factor(rolle[keep], levels = codes); x <- v[keep]
  sub <- x != 9
  per <- lapply(codes, function(k) {
    xs <- x[g == k & sub]
    obj(group = sprintf('"%s"', names(groups)[groups == k]), n = length(xs), mean = num(mean(xs)), sd = num(sd(xs)),
        pct_top2 = num(100 * mean(xs >= 4)), n_dont_know = sum(x[g == k] == 9))
  })
  gs <- g[sub]; xs <- x[sub]
  dev <- abs(xs - ave(xs, gs))
  lev <- anova(lm(dev ~ gs))
  tests <- list(obj(name = '"levene"', statistic = num(lev$`F value`[1]), df1 = num(lev$Df[1]), df2 = num(lev$Df[2]), p = num(lev$`Pr(>F)`[1])))
  if (length(codes) == 2) {
    a <- xs[gs == codes[1]]; bb <- xs[gs == codes[2]]
    s <- t.test(a, bb, var.equal = TRUE); w <- t.test(a, bb)
    tests <- c(tests, obj(name = '"student_t"', statistic = num(unname(s$statistic)), df = num(unname(s$parameter)), p = num(s$p.value)),
                      obj(name = '"welch_t"', statistic = num(unname(w$statistic)), df = num(unname(w$parameter)), p = num(w$p.value)))
  } else {
    av <- anova(lm(xs ~ gs))
    tests <- c(tests, obj(name = '"anova_f"', statistic = num(av$`F value`[1]), df1 = num(av$Df[1]), df2 = num(av$Df[2]), p = num(av$`Pr(>F)`[1])))
  }
  tab <- table(g, factor(x))
  tab <- tab[rowSums(tab) > 0, colSums(tab) > 0, drop = FALSE]
  ct <- suppressWarnings(chisq.test(tab, correct = FALSE))
  tests <- c(tests, obj(name = '"chisq"', statistic = num(unname(ct$statistic)), df = num(unname(ct$parameter)), p = num(ct$p.value)))
  obj(item = sprintf('"%s"', item), codes = num(codes), groups = arr(per), tests = arr(tests))
}

# trend: 2019 top-2 per group against the stated/approximate/illustrative 2011 row, prop.test without correction
trend <- function(item) {
  v <- int(d[[item]])
  rows <- lapply(c("ordforer", "radmann"), function(gname) {
    xs <- v[!is.na(v) & rolle == groups[[gname]] & v != 9]
    x19 <- sum(xs >= 4); n19 <- length(xs)
    bl <- b[b$variable == item & b$group == gname & b$measure == "pct_top2" & b$wave == "2011", ]
    if (nrow(bl) != 1 || is.na(bl$n) || bl$n_kind == "unknown" || bl$comparability != "same_question") {
      return(obj(group = sprintf('"%s"', gname), n = n19, pct_top2 = num(100 * x19 / n19), tested = "false"))
    }
    n11 <- as.integer(bl$n); x11 <- round(as.numeric(bl$value) * n11 / 100)
    pt <- prop.test(c(x19, x11), c(n19, n11), correct = FALSE)
    obj(group = sprintf('"%s"', gname), n = n19, pct_top2 = num(100 * x19 / n19), tested = "true",
        z = num(sign(x19 / n19 - x11 / n11) * sqrt(unname(pt$statistic))), p = num(pt$p.value))
  })
  obj(item = sprintf('"%s"', item), groups = arr(rows))
}

# regress: complete cases, 9 excluded listwise
regress <- function(y, x) {
  yy <- int(d[[y]]); xx <- int(d[[x]])
  ok <- !is.na(yy) & !is.na(xx) & yy != 9 & xx != 9
  m <- lm(yy[ok] ~ xx[ok]); s <- summary(m); co <- s$coefficients; f <- s$fstatistic
  obj(y = sprintf('"%s"', y), x = sprintf('"%s"', x), n = sum(ok), b = num(unname(co[, 1])), se = num(unname(co[, 2])), t = num(unname(co[, 3])), p = num(unname(co[, 4])),
      beta = num(unname(coef(m)[2] * sd(xx[ok]) / sd(yy[ok]))), r2 = num(s$r.squared), adj_r2 = num(s$adj.r.squared),
      f = num(unname(f[1])), df1 = num(unname(f[2])), df2 = num(unname(f[3])), f_p = num(pf(f[1], f[2], f[3], lower.tail = FALSE)))
}

out <- c(
  sprintf('"compare": %s', arr(list(compare("pm_fungerer", c(1L, 2L)), compare("pm_fungerer", c(1L, 2L, 3L)), compare("samarbeid_fungerer", c(1L, 2L)), compare("mal_flere_i_arbeid", c(1L, 2L))))),
  sprintf('"trend": %s', arr(list(trend("mal_flere_i_arbeid"), trend("samarbeid_fungerer")))),
  sprintf('"regress": %s', regress("samarbeid_fungerer", "partnerskap_likeverdige"))
)
cat("{\n  ", paste(out, collapse = ",\n  "), "\n}\n", sep = "")
