-- requires: news-markers
-- The kb/ rows reach world's country profiles as attributes, without making new entities.
-- Run: toolkit plugins test sco
local test = toolkit.test
local function profile(name, id)
  local hits = toolkit.kb.lookup(name)
  for _, p in ipairs(hits) do if p.id == id then return p end end
  error(("no profile %s for %q (found %d)"):format(id, name, #hits), 2)
end

local function check(name, id, want)
  local p = profile(name, id)
  for key, value in pairs(want) do
    test.eq(p.attrs[key], value, id .. ": " .. key)
  end
  -- world's attributes stay: the profile was merged, not replaced.
  test.eq(p.attrs.type, "country", id .. ": world's attributes are kept")
  return p
end

test.case("members, observers and dialogue partners with their dates", function()
for _, case in ipairs {
  { "China", "place/cn" }, { "Russia", "place/ru" }, { "Kazakhstan", "place/kz" },
  { "Kyrgyzstan", "place/kg" }, { "Tajikistan", "place/tj" }, { "Uzbekistan", "place/uz" },
} do
  check(case[1], case[2], { sco_status = "member", sco_member_since = "2001-06-15", sco_founding_member = "yes" })
end
check("India", "place/in", { sco_status = "member", sco_member_since = "2017-06-09", sco_observer_since = "2005" })
check("Pakistan", "place/pk", { sco_member_since = "2017-06-09" })
check("Iran", "place/ir", { sco_status = "member", sco_member_since = "2023-07-04", sco_observer_until = "2023-07-04" })
check("Belarus", "place/by", { sco_status = "member", sco_member_since = "2024-07-04", sco_observer_since = "2015",
                               sco_dialogue_partner_since = "2009" })
check("Mongolia", "place/mn", { sco_status = "observer", sco_observer_since = "2004" })
check("Afghanistan", "place/af", { sco_status = "observer", sco_observer_since = "2012" })
check("Turkey", "place/tr", { sco_status = "dialogue_partner", sco_dialogue_partner_since = "2012" })
check("Laos", "place/la", { sco_status = "dialogue_partner", sco_dialogue_partner_since = "2024" })
check("Qatar", "place/qa", { sco_status = "dialogue_partner", sco_dialogue_partner_decided = "2021" })
end)

test.case("the attributes are found from any script's spelling of the country", function()
test.eq(profile("إيران", "place/ir").attrs.sco_member_since, "2023-07-04")
test.eq(profile("ایران", "place/ir").attrs.sco_member_since, "2023-07-04")
test.eq(profile("Urusi", "place/ru").attrs.sco_status, "member")
-- world's name and spellings are kept.
test.eq(profile("China", "place/cn").name, "China")
end)

-- The SCO's bodies are profiles of their own, under org/sco.
test.case("the SCO's bodies", function()
local rats = profile("الهيكل الإقليمي لمكافحة الإرهاب", "org/sco-rats")
test.eq(rats.attrs.parent, "org/sco")
test.eq(rats.attrs.seat, "Tashkent")
test.ok(profile("Regional Anti-Terrorist Structure", "org/sco-rats"))
test.eq(profile("شورای سران سازمان همکاری شانگهای", "org/sco-council-of-heads-of-state").attrs.parent, "org/sco")
local sco = profile("منظمة شنغهاي للتعاون", "org/sco")
test.eq(sco.attrs.founded, "2001-06-15")
test.eq(sco.attrs.wikidata, "Q485207")
end)
