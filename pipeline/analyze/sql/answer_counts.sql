-- answer_counts: answers to one item in one wave, counted per group.
-- grain: one row per group code × answer code ("Vet ikke" included as its own code).
-- Only respondents who were asked the item count (routing), whatever they answered, and only
-- those in the domain (e.g. unit leaders when comparing state and municipal unit leaders).
with asked as (
    select {{by}} as group_code, {{question}} as code
    from {{responses}}
    where wave = $wave
      and {{question}} is not null
      and {{by}} is not null
      and ({{routing}})
      and ({{domain}})
)

select group_code, code, count(*) as n
from asked
group by all
order by group_code, code
