-- The routing note is kept as its parts (issue 17) instead of English words that the lead page read
-- back with patterns: the kind of reason, the rule and rep it named with the rep's open leads then,
-- and who acted by hand (for a rule's or the queue's note, the person who typed the lead in first).
alter table lead
    add column routing_kind varchar(12)
        check (routing_kind in ('rule', 'no_match', 'assigned', 'taken_over', 'by_hand')),
    add column routing_rule varchar(100),
    add column routing_rep varchar(200),
    add column routing_open integer,
    add column routing_by varchar(200);

-- The notes written so far, in the shapes the code has always written them. The lead's own triggers
-- stay out of it: this rewrites no column they read, and a lead must not take a segment here.
alter table lead disable trigger user;

update lead l
   set routing_kind = p.kind, routing_rule = p.rule, routing_rep = p.rep,
       routing_open = p.open, routing_by = p.by
  from (select id,
               case when r is not null then 'rule'
                    when note = 'no rule matched or every matching rep is at capacity' then 'no_match'
                    when t is not null then 'taken_over'
                    when a is not null then 'assigned'
                    when h is not null then 'by_hand' end as kind,
               r[1] as rule,
               coalesce(r[2], t[1]) as rep,
               r[3]::integer as open,
               case when r is not null or note = 'no rule matched or every matching rep is at capacity'
                    then typed_by else coalesce(t[2], a[1], h[1]) end as by
          from (select id, typed_by, note,
                       regexp_match(note, '^rule "(.*)" → (.*) \((\d+) open\)$') as r,
                       regexp_match(note, '^taken over from (.*) by (.*)$') as t,
                       regexp_match(note, '^assigned by (.*)$') as a,
                       regexp_match(note, '^created by hand by (.*)$') as h
                  from (select id, ht[1] as typed_by, coalesce(ht[2], routing_note) as note
                          from (select id, routing_note,
                                       regexp_match(routing_note, '^created by hand by (.*?), then (.*)$') as ht
                                  from lead where routing_note is not null) noted) split) parsed) p
 where p.id = l.id and p.kind is not null;

alter table lead enable trigger user;

alter table lead drop column routing_note;
