-- design_clusters: the primary sampling units of one wave's design — every cluster with at least
-- one loaded response row, whether or not it answered a given item (domains are estimated within
-- the whole wave's design, never a design rebuilt from the answering rows).
-- grain: one row per cluster.
select distinct {{cluster}} as cluster_id
from {{responses}}
where wave = $wave
  and {{cluster}} is not null
order by cluster_id
