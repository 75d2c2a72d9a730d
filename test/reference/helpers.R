# Shared by the reference scripts (sourced from the project root): JSON writing at full precision,
# and Cohen's d with the Hedges–Olkin normal-approximation interval.
num <- function(x) if (length(x) == 1) sprintf("%.17g", x) else paste0("[", paste(sprintf("%.17g", x), collapse = ", "), "]")
obj <- function(...) { v <- list(...); paste0("{", paste(sprintf('"%s": %s', names(v), unlist(v)), collapse = ", "), "}") }
cohen <- function(x, y) {
  nx <- length(x); ny <- length(y)
  sp <- sqrt(((nx - 1) * var(x) + (ny - 1) * var(y)) / (nx + ny - 2))
  d <- (mean(x) - mean(y)) / sp
  se <- sqrt((nx + ny) / (nx * ny) + d^2 / (2 * (nx + ny)))
  c(d, d - qnorm(0.975) * se, d + qnorm(0.975) * se)
}
