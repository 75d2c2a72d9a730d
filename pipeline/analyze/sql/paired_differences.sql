-- paired_differences: two items answered by the same respondents, as differences first − second.
-- grain: one row per group code × difference.
-- Only respondents asked both items (routing) with a substantive answer to both: "Vet ikke" and
-- empty answers drop the pair, not the respondent's other answers (pairwise deletion).
with pairs as (
    select {{by}} as group_code, {{first}} - {{second}} as difference
    from {{responses}}
    where wave = $wave
      and {{first}} is not null
      and {{second}} is not null
      and ({{substantive}})
      and ({{routing}})
)

select group_code, difference, count(*) as n
from pairs
group by all
order by all
