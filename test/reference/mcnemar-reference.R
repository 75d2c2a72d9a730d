# McNemar's exact test for paired 0/1 outcomes (units answering two waves): R's binom.test on the
# discordant pairs, which is the exact McNemar test. Writes test/reference/mcnemar-reference.json.
# Run from the project root: Rscript test/reference/mcnemar-reference.R (R 4.2.2).
source("test/reference/helpers.R")
cases <- list(c(30, 5, 12, 40), c(50, 0, 0, 10), c(20, 7, 7, 3), c(100, 1, 9, 80), c(12, 25, 3, 60), c(8, 0, 6, 4), c(200, 31, 48, 170))
rows <- vapply(cases, function(t) {
  b <- t[2]; c <- t[3]
  p <- if (b + c == 0) 1 else binom.test(b, b + c, 0.5)$p.value
  obj(both = num(t[1]), lost = num(b), gained = num(c), neither = num(t[4]), p = num(p), estimate = num((c - b) / sum(t)))
}, character(1))
writeLines(paste0("[\n  ", paste(rows, collapse = ",\n  "), "\n]"), "test/reference/mcnemar-reference.json")
