-- Meeting statements ("X met Y in Z") in Arabic, Persian, Swahili and English.
--
-- The rules work on a text and the mentions found in it (people, places, dates, as
-- article:entities() gives them or as a caller builds them), so that the same rules serve the report
-- (over the core's entities) and the extractor (which cannot ask the article for its entities while
-- they are being computed). A meeting is a sentence with a meeting verb and at least two distinct
-- people, or one person and a "counterpart" phrase naming a country (his Chinese counterpart).
-- Names are never listed here: who and where come from the mentions.
local re = toolkit.re

local M = {}

-- Meeting verbs. Persian of the older Fars items writes ي/ك for ی/ک and joins or splits words
-- without ZWNJ, hence the classes and the optional [\s\x{200C}].
local YE, KAF, Z = "[یيى]", "[کك]", "[\\s\\x{200C}]?"
local GOFTOGU = "گفت" .. Z .. "و" .. Z .. "گو|گفتگو"
local VERBS = {
  en = [[(?i)\b(?:met|meets|meet|meeting with|(?:held|holds|hold|holding|had|have|has) (?:bilateral |closed-door |face-to-face )?(?:talks|a meeting|meetings|discussions) with|talked with|sat down with|hosted)\b]],
  ar = [[(?:^|[^\p{L}])[وف]?س?(?:التق[ىت]|التقيا|التقوا|يلتقي|تلتقي|يلتقيان|اجتمع|اجتمعت|اجتمعا|يجتمع|تجتمع|استقبل|استقبلت|يستقبل|تستقبل|لقاء|لقائه|لقائها|لقائهما|(?:محادثات|مباحثات)\s+مع|بحث\s+مع)(?=[^\p{L}]|$)]],
  fa = "(?:دیدار|ديدار|ملاقات|" .. GOFTOGU .. "|رایزنی|رايزني|مذا" .. KAF .. "ره)(?:\\s+و\\s+(?:" .. GOFTOGU .. "|رایزنی|رايزني))?\\s*(?:ها" .. Z .. YE .. "?\\s*)?(?:" ..
       KAF .. "رد|" .. KAF .. "ردند|" .. KAF .. "رده|م" .. YE .. Z .. KAF .. "ن|خواهد|خواهند|داشت|داشتند|" .. KAF .. "نند|" .. KAF .. "ند|" .. KAF .. "ردن)\\p{L}*" ..
       "|(?:در|طی)\\s+(?:دیدار|ديدار|ملاقات)\\s+(?:[^\\s]+\\s+){0,3}?با",
  sw = [[(?i)\b(?:\p{L}*kutana\s+na|\p{L}*kutana|mkutano\s+(?:wao|wake)\s+na|(?:\p{L}*fanya\s+)?mazungumzo\s+(?:na|kati\s+ya)|\p{L}*mpokea|\p{L}*wapokea)\b]],
}

-- A meeting announced for later: the sentence says so before or at its verb.
local PLANNED = {
  en = [[(?i)\b(?:will|would|to|shall|is due to|are due to|expected to|plans? to|scheduled to)\s+(?:\p{L}+\s+){0,2}?(?:meet|hold|host|sit)\b|\bupcoming\b]],
  ar = [[(?:^|[^\p{L}])(?:[وف]?س(?:يلتقي|تلتقي|يجتمع|تجتمع|يستقبل|تستقبل|يلتقيان|يعقد)|من\s+المقرر|من\s+المتوقع|المرتقب|المقبل)]],
  fa = "خواهد|خواهند|قرار\\s+است|برگزار\\s+خواهد|آینده|آينده",
  sw = [[(?i)\b(?:\p{L}*ta(?:kutana|fanya|mpokea)|\p{L}*tarajiwa|inatarajiwa|ijayo)\b]],
}

-- What comes just before the name of a meeting's place (in Astana, بمدينة طشقند, در تهران, mjini Astana).
local VENUE = {
  en = [[(?i)\b(?:in|at)\s+(?:the\s+)?(?:(?:\p{L}+\s+){0,2}(?:city|capital|town|resort)\s+of\s+)?$]],
  ar = [[(?:^|[^\p{L}])(?:في|ب|بمدينة|بالعاصمة|في\s+مدينة|في\s+العاصمة|داخل)\s*(?:\p{Arabic}+\s+){0,2}$]],
  fa = [[(?:^|[^\p{L}])(?:در)\s+(?:شهر\s+|پایتخت\s+|پايتخت\s+|کشور\s+|كشور\s+)?$]],
  sw = [[(?i)\b(?:mjini|jijini|huko|nchini|katika|kwenye|mji\s+(?:mkuu\s+)?wa|jiji\s+la)\s+(?:(?:mji\s+)?(?:mkuu\s+)?(?:wa\s+)?)?$]],
}

-- "his Chinese counterpart": the other side named only by its country's adjective.
local COUNTERPART = {
  en = [[(?i)\b(?:his|her|their)\s+$]],
  ar = [[(?:^|[^\p{L}])[وب]?(?:نظير|نظيره|نظيرها|نظيرته|نظيرتها|نظرائه|نظيريه)\s*$]],
  fa = "(?:همتا" .. YE .. "|همتا" .. YE .. Z .. "خود)\\s*$",
  sw = [[(?i)\b(?:mwenzake|mwenzao|wenzake)\s+(?:wa\s+)?$]],
}
local COUNTERPART_AFTER = { en = [[(?i)^\s*counterparts?\b]] }

M.languages = { "ar", "fa", "sw", "en" }

-- The byte spans of the sentences of `text`, in order.
function M.sentences(text)
  local spans, from = {}, 1
  for _, s in ipairs(toolkit.text.sentences(text)) do
    local first, last = text:find(s, from, true)
    if first then
      spans[#spans + 1] = { first = first, last = last }
      from = last + 1
    end
  end
  return spans
end

local function language_rules(lang)
  if VERBS[lang] then return { lang } end
  -- An article of unknown language is tried in each, since the verbs of one never match another.
  return M.languages
end

local function inside(m, s) return m.first and m.first >= s.first and m.last <= s.last end

local function verb_in(text, s, lang)
  local sentence = text:sub(s.first, s.last)
  local first, last = re.find(sentence, VERBS[lang])
  if first then return s.first + first - 1, s.first + last - 1 end
end

local function ends_with(text, stop, pattern, window)
  local from = math.max(1, stop - window)
  -- Step back to a character boundary: the window is counted in bytes.
  while from > 1 and (text:byte(from) or 0) >= 0x80 and (text:byte(from) or 0) < 0xC0 do from = from - 1 end
  return re.find(text:sub(from, stop), pattern) ~= nil
end

-- The meetings of one text. `mentions`: tables with kind, id, name, first, last (and form for
-- adjectives, value for dates). `options.planned`: keep meetings announced for later (default true).
-- Each meeting: first, last (the sentence), verb, lang, planned, participants {id, name, text, counterpart},
-- place {id, name, text} or nil, country {id, name} (the country of the place, when named beside it),
-- dates (values of date mentions in the sentence).
function M.find(text, lang, mentions, options)
  options = options or {}
  local keep_planned = options.planned ~= false
  local found = {}
  local spans = M.sentences(text)
  for _, s in ipairs(spans) do
    for _, l in ipairs(language_rules(lang)) do
      local vfirst, vlast = verb_in(text, s, l)
      if vfirst then
        local meeting = M.read(text, s, l, vfirst, vlast, mentions)
        if meeting and (keep_planned or not meeting.planned) then found[#found + 1] = meeting end
        break
      end
    end
  end
  return found
end

-- Whether a text holds a meeting verb of the language (of any of the four when it is unknown):
-- the cheap test before names are looked up.
function M.has_verb(text, lang)
  for _, l in ipairs(language_rules(lang)) do
    if re.find(text, VERBS[l]) then return true end
  end
  return false
end

-- One sentence with a verb: its participants, place and dates, or nil when fewer than two sides.
function M.read(text, s, lang, vfirst, vlast, mentions)
  local people, seen, places, dates = {}, {}, {}, {}
  for _, m in ipairs(mentions) do
    if inside(m, s) then
      if m.kind == "person" and not seen[m.id] then
        seen[m.id] = true
        people[#people + 1] = { id = m.id, name = m.name, text = m.text, first = m.first }
      elseif m.kind == "place" then
        places[#places + 1] = m
      elseif m.kind == "date" and m.value then
        dates[#dates + 1] = tostring(m.value)
      end
    end
  end
  -- A country adjective right after "counterpart" words is the other side.
  for _, p in ipairs(places) do
    -- Swahili names the country itself (mwenzake wa China), the others its adjective.
    if p.form == "adjective" or (lang == "sw" and p.first) then
      local before = ends_with(text, p.first - 1, COUNTERPART[lang] or "$^", 40)
      local after = COUNTERPART_AFTER[lang] and re.find(text:sub(p.last + 1, math.min(#text, p.last + 20)), COUNTERPART_AFTER[lang])
      if (before or after) and not seen["counterpart " .. p.id] then
        seen["counterpart " .. p.id] = true
        people[#people + 1] = { id = "counterpart:" .. p.id, name = p.name .. " counterpart", text = p.text,
                                first = p.first, counterpart = true }
      end
    end
  end
  -- A counterpart whose country is that of a person named in the sentence is that person.
  local countries = {}
  for _, p in ipairs(people) do
    if not p.counterpart then
      local profile = toolkit.kb.lookup(p.name)[1]
      if profile and profile.id == p.id and profile.attrs.country then countries[profile.attrs.country] = true end
    end
  end
  local kept = {}
  for _, p in ipairs(people) do
    local code = p.counterpart and p.id:match("^counterpart:place/(%a%a)$")
    if not (code and countries[code:upper()]) then kept[#kept + 1] = p end
  end
  people = kept
  local real = 0
  for _, p in ipairs(people) do if not p.counterpart then real = real + 1 end end
  if #people < 2 or real < 1 then return nil end
  table.sort(people, function(a, b) return a.first < b.first end)

  -- The place: a non-adjective place after a venue word; the first one after the verb wins, then the
  -- first before it. A country named right after the city ("Samarkand, Uzbekistan") is kept apart.
  local venue, country
  for _, p in ipairs(places) do
    if p.form ~= "adjective" and p.first and ends_with(text, p.first - 1, VENUE[lang], 60) then
      if not venue or (venue.first < vfirst and p.first >= vfirst) then venue = p end
    end
  end
  if venue then
    for _, p in ipairs(places) do
      if p ~= venue and p.form ~= "adjective" and p.first > venue.last and p.first - venue.last <= 12 then
        country = { id = p.id, name = p.name }
        break
      end
    end
  end
  local sentence = text:sub(s.first, s.last)
  local planned = re.find(text:sub(s.first, vlast), PLANNED[lang]) ~= nil
  if lang == "fa" then planned = re.find(sentence, PLANNED.fa) ~= nil end
  for _, p in ipairs(people) do p.first = nil end
  return {
    first = s.first, last = s.last, lang = lang, verb = text:sub(vfirst, vlast):gsub("^%s+", ""),
    verb_first = vfirst, verb_last = vlast,
    planned = planned, participants = people,
    place = venue and { id = venue.id, name = venue.name, text = venue.text, first = venue.first, last = venue.last } or nil,
    country = country, dates = dates, sentence = sentence,
  }
end

-- Mentions for a text from the knowledge base alone (runs of 1 to 4 words looked up with
-- toolkit.kb.lookup, longest first): what the extractor uses, since it cannot read the core's
-- entities, and what tests use on inline texts.
function M.kb_mentions(text, first, last)
  first, last = first or 1, last or #text
  local words = toolkit.re.spans(text:sub(first, last), [[[\p{L}\p{M}\x{200C}'’-]+]])
  local out, taken = {}, {}
  local i = 1
  while i <= #words do
    local matched = false
    for n = math.min(4, #words - i + 1), 1, -1 do
      local a, b = words[i], words[i + n - 1]
      local surface = text:sub(first + a.first - 1, first + b.last - 1)
      local hits = #surface >= 3 and toolkit.kb.lookup(surface) or {}
      local profile = hits[1]
      local form, exact
      if profile then
        local folded = toolkit.text.fold(surface)
        for _, v in ipairs(profile.variants) do
          if toolkit.text.fold(v.text) == folded then exact = exact or v; form = form or v.form end
        end
      end
      -- lookup forgives what the article's matcher would not: a short alias alone (على is also
      -- the given name علي) or one of several profiles. Keep exact full spellings, and inflected
      -- forms (وبكين) only when they name one profile.
      local trusted = exact and not exact.short or (n == 1 and not exact and #hits == 1 and utf8.len(surface) >= 4)
      if profile and trusted and (profile.kind == "person" or profile.kind == "place") then
        out[#out + 1] = { kind = profile.kind, id = profile.id, name = profile.name, text = surface,
                          first = first + a.first - 1, last = first + b.last - 1, form = form }
        i = i + n
        matched = true
        break
      end
    end
    if not matched then i = i + 1 end
  end
  return out
end

return M
