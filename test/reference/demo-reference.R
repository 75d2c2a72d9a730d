# Reference values for compare / trend / regress on the bundled demo data (raw/), base R only.
# Run from the project root: Rscript test/reference/demo-reference.R > test/reference/demo-reference.json
# CI never runs R; test/analyze/demo-vs-r.test.ts reads the JSON. Regenerate when raw/ changes.
d <- read.csv("raw/ordforer_radmann/2019/responses.csv", colClasses = "character", na.strings = "")
b <- read.csv("raw/baselines/published_baselines.csv", colClasses = "character", na.strings = "")
int <- function(v) as.integer(v)
source("test/reference/helpers.R")  # num, obj, cohen
arr <- function(items) paste0("[", paste(items, collapse = ", "), "]")
groups <- c(ordforer = 1L, radmann = 2L, annet = 3L)
rolle <- int(d$rolle)


# compare: an item by rolle, restricted to codes; 9 excluded from means and top-2, kept in the distribution
compare <- function(item, codes, top2 = c(4L, 5L)) {
  v <- int(d[[item]])
  keep <- !is.na(v) & rolle %in% codes
  g <- factor(rolle[keep], levels = codes); x <- v[keep]
  sub <- x != 9
  per <- lapply(codes, function(k) {
    xs <- x[g == k & sub]
    obj(group = sprintf('"%s"', names(groups)[groups == k]), n = length(xs), mean = num(mean(xs)), sd = num(sd(xs)),
        pct_top2 = num(100 * mean(xs %in% top2)), n_dont_know = sum(x[g == k] == 9))
  })
  gs <- g[sub]; xs <- x[sub]
  dev <- abs(xs - ave(xs, gs))
  lev <- anova(lm(dev ~ gs))
  tests <- list(obj(name = '"levene"', statistic = num(lev$`F value`[1]), df1 = num(lev$Df[1]), df2 = num(lev$Df[2]), p = num(lev$`Pr(>F)`[1])))
  gname <- function(k) sprintf('"%s"', names(groups)[groups == k])
  if (length(codes) == 2) {
    a <- xs[gs == codes[1]]; bb <- xs[gs == codes[2]]
    s <- t.test(a, bb, var.equal = TRUE); w <- t.test(a, bb)
    d <- cohen(a, bb)
    mw <- wilcox.test(a, bb, exact = FALSE, correct = TRUE)
    tests <- c(tests, obj(name = '"student_t"', statistic = num(unname(s$statistic)), df = num(unname(s$parameter)), p = num(s$p.value), ci = num(s$conf.int), effect = num(d)),
                      obj(name = '"welch_t"', statistic = num(unname(w$statistic)), df = num(unname(w$parameter)), p = num(w$p.value), ci = num(w$conf.int), effect = num(d)),
                      obj(name = '"mann_whitney"', statistic = num(unname(mw$statistic)), p = num(mw$p.value),
                          effect = num(2 * unname(mw$statistic) / (length(a) * length(bb)) - 1)))
  } else {
    av <- anova(lm(xs ~ gs))
    ow <- oneway.test(xs ~ gs, var.equal = FALSE)
    kw <- kruskal.test(xs, gs); h <- unname(kw$statistic); k <- length(codes); nn <- length(xs)
    tests <- c(tests, obj(name = '"anova_f"', statistic = num(av$`F value`[1]), df1 = num(av$Df[1]), df2 = num(av$Df[2]), p = num(av$`Pr(>F)`[1]),
                          effect = num(av$`Sum Sq`[1] / sum(av$`Sum Sq`))),
                      obj(name = '"welch_anova"', statistic = num(unname(ow$statistic)), df1 = num(unname(ow$parameter[1])), df2 = num(unname(ow$parameter[2])), p = num(ow$p.value)),
                      obj(name = '"kruskal_wallis"', statistic = num(h), df = num(unname(kw$parameter)), p = num(kw$p.value), effect = num((h - k + 1) / (nn - k))))
    for (i in 1:(k - 1)) for (j in (i + 1):k) {
      x1 <- xs[gs == codes[i]]; x2 <- xs[gs == codes[j]]
      v1 <- var(x1) / length(x1); v2 <- var(x2) / length(x2)
      df <- (v1 + v2)^2 / (v1^2 / (length(x1) - 1) + v2^2 / (length(x2) - 1))
      t <- (mean(x1) - mean(x2)) / sqrt(v1 + v2)
      tests <- c(tests, obj(name = '"games_howell"', groups = paste0("[", gname(codes[i]), ", ", gname(codes[j]), "]"), statistic = num(t), df = num(df),
                            p = num(ptukey(abs(t) * sqrt(2), k, df, lower.tail = FALSE)), effect = num(cohen(x1, x2))))
    }
  }
  tab <- table(g, factor(x))
  tab <- tab[rowSums(tab) > 0, colSums(tab) > 0, drop = FALSE]
  ct <- suppressWarnings(chisq.test(tab, correct = FALSE))
  tests <- c(tests, obj(name = '"chisq"', statistic = num(unname(ct$statistic)), df = num(unname(ct$parameter)), p = num(ct$p.value),
                        effect = num(sqrt(unname(ct$statistic) / (sum(tab) * (min(dim(tab)) - 1))))))
  if (min(ct$expected) < 5) tests <- c(tests, obj(name = '"fisher_exact"', p = num(fisher.test(tab, workspace = 2e8)$p.value)))
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

# figures: the 2×2 and r×k chi-square tests the figure recipes store in `results` (Pearson, no correction)
chisq_of <- function(tab) {
  tab <- tab[rowSums(tab) > 0, colSums(tab) > 0, drop = FALSE]
  ct <- suppressWarnings(chisq.test(tab, correct = FALSE))
  c(statistic = unname(ct$statistic), df = unname(ct$parameter), p = ct$p.value)
}
or2 <- rolle %in% c(1L, 2L)
figure_test <- function(figure, variable, tab) {
  r <- chisq_of(tab)
  obj(figure = sprintf('"%s"', figure), variable = sprintf('"%s"', variable), statistic = num(r[["statistic"]]), df = num(r[["df"]]), p = num(r[["p"]]))
}
# F06 / F07: the whole distribution, "Vet ikke" a category; F07 only for those asked (vert_samarbeid = 1)
distribution_test <- function(figure, variable, asked = rep(TRUE, nrow(d))) {
  v <- int(d[[variable]]); keep <- !is.na(v) & or2 & asked
  figure_test(figure, variable, table(rolle[keep], v[keep]))
}
# F13: per option, ticked vs not among those who answered the question (any option written)
q11 <- grep("^pm_deltar_", names(d), value = TRUE)
answered11 <- rowSums(!is.na(sapply(q11, function(o) int(d[[o]])))) > 0
ticked_test <- function(option) {
  v <- int(d[[option]]); v[is.na(v) & answered11] <- 0L
  keep <- !is.na(v) & or2
  figure_test("F13", option, table(rolle[keep], v[keep] == 1L))
}
# shares: top-2 vs the rest among substantive answers
top2_test <- function(figure, variable) {
  v <- int(d[[variable]]); keep <- !is.na(v) & v != 9 & or2
  figure_test(figure, variable, table(rolle[keep], v[keep] >= 4))
}
figures <- c(list(distribution_test("F06", "vert_samarbeid"), distribution_test("F07", "vert_foretrukket", int(d$vert_samarbeid) %in% 1L),
                  distribution_test("F23", "likeverdighet"), top2_test("F42", "mal_service_tilpasset")), lapply(q11, ticked_test))

# paired: two items of the same respondents (routing of both, "Vet ikke" dropping the pair), per rolle and pooled
paired <- function(first, second, asked = rep(TRUE, nrow(d))) {
  x <- int(d[[first]]); y <- int(d[[second]])
  ok <- !is.na(x) & !is.na(y) & x != 9 & y != 9 & asked
  one <- function(label, keep) {
    a <- x[ok & keep]; b <- y[ok & keep]
    tt <- t.test(a, b, paired = TRUE)
    w <- suppressWarnings(wilcox.test(a, b, paired = TRUE, exact = FALSE, correct = TRUE))
    obj(group = sprintf('"%s"', label), n = length(a), mean_difference = num(mean(a - b)), t = num(unname(tt$statistic)), df = num(unname(tt$parameter)),
        p = num(tt$p.value), ci = num(tt$conf.int), v = num(unname(w$statistic)), w_p = num(w$p.value))
  }
  obj(first = sprintf('"%s"', first), second = sprintf('"%s"', second),
      groups = arr(list(one("ordforer", rolle %in% 1L), one("radmann", rolle %in% 2L), one("or_alle", rep(TRUE, nrow(d))))))
}

# kommune pairs: kommuner (Oslo: bydeler) with exactly one ordfører and one rådmann; tjenester_antall =
# the 12 service options + annet ticked, 0 with «ingen», missing with «vet ikke», an empty question or nothing ticked
opts <- c("bostotte", "introduksjon", "bosetting", "rus", "kommunale_boliger", "booppfolging", "startlan", "psykisk_helse",
          "gjeldsradgivning", "skjenkebevilling", "hjelpemidler", "annet")
tj <- sapply(paste0("tjenester_", opts), function(o) int(d[[o]]))
ingen <- int(d$tjenester_ingen); vet <- int(d$tjenester_vet_ikke)
answered <- rowSums(!is.na(cbind(tj, ingen, vet))) > 0
counted <- rowSums(tj, na.rm = TRUE)
antall <- ifelse(!is.na(vet) & vet == 1, NA, ifelse(!is.na(ingen) & ingen == 1, 0, ifelse(answered & counted > 0, counted, NA)))
unit <- paste(d$kommunenr, ifelse(is.na(d$bydel), "", d$bydel))
one_each <- names(which(tapply(rolle == 1L, unit, sum) == 1 & tapply(rolle == 2L, unit, sum) == 1))
a1 <- sapply(one_each, function(u) antall[unit == u & rolle == 1L]); a2 <- sapply(one_each, function(u) antall[unit == u & rolle == 2L])
ok <- !is.na(a1) & !is.na(a2)
kt <- t.test(a1[ok], a2[ok], paired = TRUE)
kw <- suppressWarnings(wilcox.test(a1[ok], a2[ok], paired = TRUE, exact = FALSE, correct = TRUE))
kommune_pairs <- obj(n_pairs = length(one_each), n_counted = sum(ok), mean_difference = num(mean(a1[ok] - a2[ok])),
                     t = num(unname(kt$statistic)), df = num(unname(kt$parameter)), p = num(kt$p.value), v = num(unname(kw$statistic)), w_p = num(kw$p.value))

out <- c(
  sprintf('"kommune_pairs": %s', kommune_pairs),
  sprintf('"paired": %s', arr(list(paired("planarbeid_kommune", "planarbeid_navfylke"),
                                   paired("vert_pastand_fagkompetanse", "vert_pastand_tilgjengelighet", int(d$vert_samarbeid) %in% 1L)))),
  sprintf('"figures": %s', arr(figures)),
  sprintf('"compare": %s', arr(list(compare("pm_fungerer", c(1L, 2L)), compare("pm_fungerer", c(1L, 2L, 3L)), compare("partnerskapsmote_frekvens", c(1L, 2L), c(5L, 6L)), compare("uformell_kontakt_frekvens", c(1L, 2L), c(5L, 6L)), compare("samarbeid_fungerer", c(1L, 2L)), compare("mal_flere_i_arbeid", c(1L, 2L))))),
  sprintf('"trend": %s', arr(list(trend("mal_flere_i_arbeid"), trend("samarbeid_fungerer")))),
  sprintf('"regress": %s', regress("samarbeid_fungerer", "partnerskap_likeverdige"))
)
cat("{\n  ", paste(out, collapse = ",\n  "), "\n}\n", sep = "")
