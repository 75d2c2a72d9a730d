-- joint_counts: distinct combinations of a dependent and its predictors, with their count.
-- grain: one row per (y, x1, …, xk) combination among complete cases of one wave.
-- Complete cases exclude empty cells and every "Vet ikke" code (listwise deletion).
with complete as (
    select {{columns}}
    from {{responses}}
    where wave = $wave and ({{complete}})
)

select *, count(*) as n
from complete
group by all
order by all
