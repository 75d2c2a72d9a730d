-- disposition_counts: the sample/disposition file of one wave joined to its responses.
-- grain: one row per invited group × disposition status × self-reported group × has-an-answer.
-- A response counts as answered when at least one question was answered (exports.md §3.5);
-- responses without a sample row are not part of the sample and are not counted here.
with answers as (
    select resp_id, {{by}} as reported, ({{answered}}) as has_answer
    from {{responses}}
    where wave = $wave
),

invited as (
    select resp_id, gruppe, status
    from {{sample}}
    where sample_wave = $wave
)

select
    invited.gruppe,
    invited.status,
    answers.reported,
    coalesce(answers.has_answer, false) as has_answer,
    count(*) as n
from invited
left join answers using (resp_id)
group by all
order by all
