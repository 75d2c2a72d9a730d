-- office_samples: Tabell 3 from the office frame, the sample file and the responses of one wave.
-- grain: one row per sample (random draw, follow-up, case offices, the unit-leader census).
-- Respondents are counted under both conventions of questionnaire-kontor.md §3: by invitation
-- route (the office samples count their employees, the census its leaders) and by office
-- membership (everyone who answered from an office of the sample, leaders included).
with frame as (
    select * from {{offices}} where frame_wave = $wave
),

answered as (
    select r.resp_id, r.kontor_id, coalesce(r.utvalg_alle_el, 0) as via_census
    from {{responses}} r
    where r.wave = $wave and ({{answered}})
),

flags as (
    select 'utvalg_tilfeldig' as sample, kontor_id, utvalg_tilfeldig = 1 as member, deltar from frame
    union all select 'utvalg_oppfolging', kontor_id, utvalg_oppfolging = 1, deltar from frame
    union all select 'utvalg_case', kontor_id, utvalg_case = 1, deltar from frame
),

per_sample as (
    select
        f.sample,
        count(distinct f.kontor_id) as units,
        count(distinct f.kontor_id) filter (where f.deltar = 0) as units_declined,
        count(distinct a.kontor_id) filter (where a.via_census = 0) as units_with_answers,
        count(distinct a.resp_id) filter (where a.via_census = 0) as respondents_route,
        count(distinct a.resp_id) as respondents_office
    from flags f
    left join answered a on a.kontor_id = f.kontor_id
    where f.member
    group by f.sample
),

census as (
    select
        'utvalg_alle_el' as sample,
        (select count(*) from {{sample}} where sample_wave = $wave and utvalg_alle_el = 1 and status <> 'removed') as units,
        0 as units_declined,
        (select count(distinct kontor_id) from answered where via_census = 1) as units_with_answers,
        (select count(*) from answered where via_census = 1) as respondents_route,
        (select count(*) from answered where via_census = 1) as respondents_office
)

select * from per_sample
union all
select * from census
order by sample
