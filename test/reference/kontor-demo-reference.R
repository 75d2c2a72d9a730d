# Reference values for the design-based (cluster) comparisons of the office survey on the bundled
# simulated demo data (raw/kontor/2019), computed by R's survey package (survey 4.1-1, R 4.2)
# straight from the two raw response files, independently of the pipeline.
# Run from the project root:
#   Rscript test/reference/kontor-demo-reference.R > test/reference/kontor-demo-reference.json
# test/analyze/kontor-demo-vs-r.test.ts runs the whole pipeline on raw/ and checks compareGroups
# (and designCompare for a ticked option) against this JSON to a relative 1e-8. CI never runs R;
# regenerate when raw/kontor changes.
#
# Conventions (as test/reference/design-reference.R and pipeline/analyze/stats/design/*.ts):
# - design: svydesign(ids = ~kontor_id, data = wave) over EVERY loaded row of the wave (both files,
#   also the rows without any answer); a group is a domain, subset(des, ...), of that design.
# - a group's domain for the mean and the top-2 share: `by` = code, within `where`, asked the item
#   (the codebook's asked_if, written out below), a non-empty answer other than "Vet ikke" (9);
# - the chi-square of the groups × codes table keeps 9 as a category of its own;
# - svymean(deff = "replace") with confint(df = degf(subset design)); svyciprop(method = "logit")
#   with its default df and the deff of svymean(~as.numeric(...), deff = "replace");
# - svyttest(y ~ factor(g)) (R's estimate and t are mean(second) − mean(first)), regTermTest(
#   svyglm(y ~ factor(g)), ~factor(g)) for three or more groups, svychisq (Rao–Scott F, the default,
#   and statistic = "Chisq" for Pearson's X² and the first-order p);
# - the naive tests of the same groups with base R: t.test (Student, Welch), anova / oneway.test,
#   chisq.test(correct = FALSE) on the table without empty rows or columns.
suppressMessages(library(survey))
num <- function(x) {
  f <- function(v) if (is.finite(v)) sprintf("%.17g", v) else "null"
  if (length(x) == 1) f(x) else paste0("[", paste(vapply(x, f, ""), collapse = ", "), "]")
}
obj <- function(...) { v <- Filter(Negate(is.null), list(...)); paste0("{", paste(sprintf('"%s": %s', names(v), unlist(v)), collapse = ", "), "}") }
arr <- function(xs) paste0("[", paste(unlist(xs), collapse = ", "), "]")
str <- function(s) sprintf('"%s"', s)

# ---- 1. The wave: both raw files stacked. The employee file lacks the unit-leader-only columns,
# which are then "not asked" (empty) for its rows.
read <- function(f) read.csv(f, colClasses = "character", na.strings = "", encoding = "UTF-8")
leaders <- read("raw/kontor/2019/responses-enhetsledere.csv")
employees <- read("raw/kontor/2019/responses-ansatte.csv")
for (col in setdiff(names(leaders), names(employees))) employees[[col]] <- NA_character_
wave <- rbind(leaders, employees[names(leaders)])
text_columns <- c("resp_id", "kontor_id", "kontor_navn", "kommunenr", "fylkesnr", "fylke", "start_tid", "slutt_tid", "tjenester_annet_tekst")
for (col in setdiff(names(wave), text_columns)) wave[[col]] <- as.integer(wave[[col]])
# Derived (schemas/derived.ts): ledergruppe = 1 for enhets- and mellomledere, 2 for the rest.
wave$ledergruppe <- ifelse(wave$stilling %in% c(1, 2), 1L, ifelse(wave$stilling == 3, 2L, NA_integer_))
# No weights: survey warns "assuming equal probability", which is the intended design.
des <- suppressWarnings(svydesign(ids = ~kontor_id, data = wave))
out <- list()
out$wave <- obj(rows = num(nrow(wave)), clusters = num(length(unique(wave$kontor_id))), degf = num(degf(des)),
                no_answers = num(sum(rowSums(!is.na(wave[, !(names(wave) %in% c(text_columns, "stilling", "ansettelse", "utdanning_detalj", "utdanning", "ledergruppe", "svar_status")) & !startsWith(names(wave), "utvalg_")])) == 0)))

in_where <- function(where) Reduce(`&`, lapply(names(where), function(v) wave[[v]] %in% where[[v]]), rep(TRUE, nrow(wave)))

# ---- 2. One comparison: `item` by `by` (its `groups`), within `where`, among those `asked`.
# `codes`: the item's codebook codes; `dk`: its "Vet ikke" code (NA if none); `share`: the codes whose
# share is estimated (top-2 of an ordinal scale, 1 for a ticked option, none for a nominal item).
compare_case <- function(item, by, groups, codes, dk = 9, ordinal = TRUE, share = integer(0), where = list(), asked = rep(TRUE, nrow(wave)), label = item) {
  y <- wave[[item]]; g <- wave[[by]]
  base <- asked & in_where(where) & !is.na(y) & !is.na(g)
  if (any(base & !(y %in% codes))) stop(item, ": a code outside the codebook")
  substantive <- base & !(y %in% dk)
  # Groups with any answer are listed; only those with a substantive answer are tested.
  listed <- groups[vapply(groups, function(k) any(base & g == k), TRUE)]
  tested <- listed[vapply(listed, function(k) any(substantive & g == k), TRUE)]
  d <- update(des, yy = y, gg = g, ss = as.numeric(y %in% share))
  per <- lapply(listed, function(k) {
    keep <- substantive & g == k; sub <- subset(d, keep); xs <- y[keep]
    fields <- list(code = num(k), n = num(sum(keep)), n_dont_know = num(sum(base & g == k & y %in% dk)))
    if (ordinal && sum(keep) > 1) {
      m <- svymean(~yy, sub, deff = "replace")
      fields <- c(fields, list(mean = num(mean(xs)), sd = num(sd(xs)),
        design_mean = obj(estimate = num(unname(coef(m))), se = num(unname(SE(m))), df = num(degf(sub)),
                          ci = num(as.vector(confint(m, df = degf(sub)))), deff = num(unname(as.numeric(deff(m)))))))
    }
    if (length(share) && sum(keep) > 1) {
      p <- svyciprop(~I(ss == 1), sub, method = "logit")
      m <- svymean(~ss, sub, deff = "replace")
      fields <- c(fields, list(pct_share = num(100 * mean(xs %in% share)),
        design_share = obj(estimate = num(as.numeric(p)), exact = num(unname(coef(m))), se = num(as.numeric(SE(p))), df = num(degf(sub)),
                           ci = num(as.vector(attr(p, "ci"))), deff = num(unname(as.numeric(deff(m)))))))
    }
    do.call(obj, fields)
  })
  tests <- list()
  two <- length(tested) == 2
  sub_sub <- subset(d, substantive & g %in% tested)
  if (ordinal && length(tested) >= 2) {
    if (two) {
      t <- svyttest(yy ~ factor(gg), sub_sub)
      tests$mean <- obj(name = str("svy_t"), t = num(unname(t$statistic)), df = num(unname(t$parameter)), p = num(t$p.value),
                        estimate = num(unname(t$estimate)), ci = num(as.vector(t$conf.int)))
    } else {
      r <- regTermTest(svyglm(yy ~ factor(gg), sub_sub), ~factor(gg))
      tests$mean <- obj(name = str("svy_wald_f"), f = num(as.numeric(r$Ftest)), df1 = num(r$df), df2 = num(r$ddf), p = num(as.numeric(r$p)))
    }
    xs <- y[substantive & g %in% tested]; gs <- factor(g[substantive & g %in% tested], levels = tested)
    if (two) {
      a <- xs[gs == tested[1]]; b <- xs[gs == tested[2]]
      s <- t.test(a, b, var.equal = TRUE); w <- t.test(a, b)
      tests$student_t <- obj(t = num(unname(s$statistic)), df = num(unname(s$parameter)), p = num(s$p.value), ci = num(s$conf.int))
      tests$welch_t <- obj(t = num(unname(w$statistic)), df = num(unname(w$parameter)), p = num(w$p.value), ci = num(w$conf.int))
    } else {
      av <- anova(lm(xs ~ gs)); ow <- oneway.test(xs ~ gs, var.equal = FALSE)
      tests$anova_f <- obj(f = num(av$`F value`[1]), df1 = num(av$Df[1]), df2 = num(av$Df[2]), p = num(av$`Pr(>F)`[1]))
      tests$welch_anova <- obj(f = num(unname(ow$statistic)), df1 = num(unname(ow$parameter[1])), df2 = num(unname(ow$parameter[2])), p = num(ow$p.value))
    }
  }
  chisq <- function(formula, sub) {
    f <- svychisq(formula, sub); ch <- svychisq(formula, sub, statistic = "Chisq")
    obj(f = num(unname(f$statistic)), ndf = num(unname(f$parameter[1])), ddf = num(unname(f$parameter[2])), p = num(f$p.value),
        pearson = num(unname(ch$statistic)), chisq_df = num(unname(ch$parameter)), chisq_p = num(ch$p.value))
  }
  if (length(share) && length(tested) >= 2) {
    if (two) {
      t <- svyttest(ss ~ factor(gg), sub_sub)
      tests$share_t <- obj(t = num(unname(t$statistic)), df = num(unname(t$parameter)), p = num(t$p.value),
                           estimate = num(unname(t$estimate)), ci = num(as.vector(t$conf.int)))
    }
    tests$share_chisq <- chisq(~gg + ss, sub_sub)
  }
  if (length(tested) >= 2) {
    # The distribution: every answer of the tested groups, "Vet ikke" a category of its own.
    keep <- base & g %in% tested
    tests$table_chisq <- chisq(~gg + yy, subset(d, keep))
    tab <- table(factor(g[keep], levels = tested), factor(y[keep], levels = codes))
    tab <- tab[rowSums(tab) > 0, colSums(tab) > 0, drop = FALSE]
    ct <- suppressWarnings(chisq.test(tab, correct = FALSE))
    tests$chisq <- obj(statistic = num(unname(ct$statistic)), df = num(unname(ct$parameter)), p = num(ct$p.value))
  }
  obj(label = str(label), item = str(item), by = str(by), groups = num(groups),
      where = if (length(where)) do.call(obj, lapply(where, function(v) arr(lapply(v, num)))) else "{}",
      share_codes = arr(lapply(share, num)), listed = arr(lapply(listed, num)), tested = arr(lapply(tested, num)),
      per_group = arr(per), tests = do.call(obj, tests))
}

# ---- 3. The cases. Routing (asked_if in schemas/codebooks/kontor-2019.json) is written out here.
GRAD5 <- c(1:5, 9)
asked_leaders <- wave$stilling %in% 1
asked_leaders_mid <- wave$stilling %in% c(1, 2)
asked_team <- wave$teamarbeid_grad %in% 2:5
asked_missing <- wave$savner_samarbeid %in% 1
out$cases <- arr(list(
  compare_case("pm_agenda_navleder", "ansettelse", 1:2, GRAD5, share = 4:5, where = list(stilling = 1), asked = asked_leaders),
  compare_case("samarbeid_kommunale_tjenester", "stilling", 1:3, GRAD5, share = 4:5),
  compare_case("team_fornoyd", "ansettelse", 1:2, c(1:4, 9), share = 3:4, asked = asked_team),
  compare_case("mal_service_tilpasset", "stilling", 1:2, GRAD5, share = 4:5, asked = asked_leaders_mid),
  compare_case("teamarbeid_grad", "ansettelse", 1:2, GRAD5, share = 4:5),
  compare_case("hovedoppgaver_omrade", "ansettelse", 1:2, c(1:6, 9), ordinal = FALSE),
  compare_case("savner_helse", "ansettelse", 1:2, 0:1, dk = NA, ordinal = FALSE, share = 1L, asked = asked_missing),
  compare_case("sosiale_tjenester_ivaretatt", "utdanning", 1:2, GRAD5, share = 4:5, where = list(stilling = 1:2)),
  compare_case("team_mal_enig", "ledergruppe", 1:2, GRAD5, share = 4:5, asked = asked_team),
  compare_case("partnerskap_likeverdige", "ansettelse", 1:2, GRAD5, share = 4:5, where = list(ledergruppe = 1), asked = asked_leaders_mid),
  compare_case("samarbeid_frekv_helse", "stilling", 1:3, 1:5, dk = NA, share = 4:5, where = list(utdanning = 1))))

# ---- 4. Regression: the design-based fit of regress --design cluster (complete cases, 9 excluded listwise),
# as svyglm on the whole wave's design subset to the complete cases, and regTermTest on all slopes.
regress_case <- function(y, x) {
  ok <- Reduce(`&`, lapply(c(y, x), function(v) !is.na(wave[[v]]) & wave[[v]] != 9))
  sub <- subset(des, ok)
  m <- svyglm(as.formula(paste(y, "~", paste(x, collapse = " + "))), sub)
  co <- summary(m)$coefficients
  rt <- regTermTest(m, as.formula(paste("~", paste(x, collapse = " + "))))
  obj(y = str(y), x = arr(lapply(x, str)), n = num(sum(ok)), b = num(unname(co[, 1])), se = num(unname(co[, 2])), t = num(unname(co[, 3])),
      p = num(unname(co[, 4])), df = num(m$df.residual), f = num(unname(rt$Ftest)), df1 = num(rt$df), df2 = num(rt$ddf), f_p = num(rt$p))
}
out$regress <- regress_case("samarbeid_kommunale_tjenester", c("samarbeid_statlige_tjenester", "sosiale_tjenester_ivaretatt"))

cat("{\n", paste(sprintf('  "%s": %s', names(out), unlist(out)), collapse = ",\n"), "\n}\n", sep = "")
