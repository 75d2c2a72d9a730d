-- cluster_counts: answers to one item in one wave, per cluster (the design's primary sampling
-- unit, e.g. the Nav office) and group.
-- grain: one row per cluster × group code × answer code ("Vet ikke" included as its own code).
-- Same population as answer_counts (routing and domain); clusters without such answers are not
-- listed here and count as zeros against design_clusters.
with asked as (
    select {{cluster}} as cluster_id, {{by}} as group_code, {{question}} as code
    from {{responses}}
    where wave = $wave
      and {{question}} is not null
      and {{by}} is not null
      and {{cluster}} is not null
      and ({{routing}})
      and ({{domain}})
)

select cluster_id, group_code, code, count(*) as n
from asked
group by all
order by all
