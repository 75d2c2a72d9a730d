-- kommune_pairs: kommuner (in Oslo: bydeler) with an answer from both an ordfører and a rådmann.
-- grain: one row per kommune × bydel that has at least one answer from each of the two roles.
-- tjenester_antall as questionnaire §7 defines it: the number of service options ticked, 0 with
-- «ingen», missing with «vet ikke», when the question was left empty or nothing was ticked; the ticked set is the
-- list of ticked options, for seeing whether the two leaders of one kommune agree.
with answers as (
    select
        {{kommunenr}} as kommunenr,
        coalesce({{bydel}}, '') as bydel,
        {{rolle}} as rolle,
        case
            when {{vet_ikke}} = 1 then null
            when {{ingen}} = 1 then 0
            when {{count}} > 0 then {{count}}
        end as tjenester_antall,
        case when {{answered}} and coalesce({{vet_ikke}}, 0) <> 1 then {{ticked_set}} end as ticked_set
    from {{responses}}
    where wave = $wave and {{rolle}} in ($first_role, $second_role) and {{kommunenr}} is not null
),

per_unit as (
    select
        kommunenr,
        bydel,
        count(*) filter (where rolle = $first_role) as n_first,
        count(*) filter (where rolle = $second_role) as n_second,
        any_value(tjenester_antall) filter (where rolle = $first_role) as antall_first,
        any_value(tjenester_antall) filter (where rolle = $second_role) as antall_second,
        any_value(ticked_set) filter (where rolle = $first_role) as set_first,
        any_value(ticked_set) filter (where rolle = $second_role) as set_second
    from answers
    group by kommunenr, bydel
)

select *
from per_unit
where n_first > 0 and n_second > 0
order by kommunenr, bydel
