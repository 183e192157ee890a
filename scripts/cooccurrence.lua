-- Who appears with whom: a map/merge report counting, for each pair of people (and of people and
-- organisations), the articles that name both. It runs on all cores (--jobs) and gives the same
-- result on one. Writes out/cooccurrence.csv (source, target, articles), strongest pairs first,
-- out/cooccurrence.gexf (open it in Gephi; GraphML readers take the .graphml) and
-- out/cooccurrence.html, the network drawn in a page that opens in any browser.
--   toolkit run scripts/cooccurrence.lua corpus/ --set min=2
local min = toolkit.args.min or 1
local kinds = { "person", "org" }

toolkit.report {
  name = "cooccurrence",
  description = "pairs of people and organisations named in the same article",
  init = function() return { pairs = {}, names = {}, kinds = {} } end,
  article = function(state, article)
    local present, ids = {}, {}
    for e in article:entities { kind = kinds, linked = true, section = "text" } do
      if not present[e.id] then
        present[e.id] = true
        ids[#ids + 1] = e.id
        state.names[e.id] = e.name
        state.kinds[e.id] = e.kind
      end
    end
    table.sort(ids)
    for i = 1, #ids do
      for j = i + 1, #ids do
        local key = ids[i] .. "\t" .. ids[j]
        state.pairs[key] = (state.pairs[key] or 0) + 1
      end
    end
  end,
  merge = function(a, b)
    for key, n in pairs(b.pairs) do a.pairs[key] = (a.pairs[key] or 0) + n end
    for id, name in pairs(b.names) do a.names[id] = name end
    for id, kind in pairs(b.kinds) do a.kinds[id] = kind end
    return a
  end,
  finish = function(state, out)
    local rows = {}
    for key, n in pairs(state.pairs) do
      if n >= min then
        local a, b = key:match("^(.-)\t(.*)$")
        rows[#rows + 1] = { source = a, target = b, source_name = state.names[a], target_name = state.names[b], articles = n }
      end
    end
    table.sort(rows, function(x, y)
      if x.articles ~= y.articles then return x.articles > y.articles end
      if x.source ~= y.source then return x.source < y.source end
      return x.target < y.target
    end)
    for i = 1, math.min(10, #rows) do
      print(string.format("%4d  %s — %s", rows[i].articles, rows[i].source_name, rows[i].target_name))
    end
    out.csv("cooccurrence.csv", rows, { columns = { "source", "target", "source_name", "target_name", "articles" } })

    -- The graph: a node per entity in a kept pair, an edge per pair weighted by its articles.
    local nodes, edges, seen = {}, {}, {}
    for _, r in ipairs(rows) do
      for _, id in ipairs({ r.source, r.target }) do
        if not seen[id] then
          seen[id] = true
          nodes[#nodes + 1] = { id = id, label = state.names[id], kind = state.kinds[id] }
        end
      end
      edges[#edges + 1] = { source = r.source, target = r.target, weight = r.articles }
    end
    table.sort(nodes, function(x, y) return x.id < y.id end)
    local graph = { nodes = nodes, edges = edges }
    out.gexf("cooccurrence.gexf", graph)
    out.graphml("cooccurrence.graphml", graph)
    print(out.html("cooccurrence.html", {
      title = "Who appears with whom",
      notes = string.format("%d pairs of people and organisations named in the same article (at least %d article%s each).",
        #rows, min, min == 1 and "" or "s"),
      sections = {
        { kind = "network", title = "Co-occurrence network", graph = graph },
        { kind = "table", title = "Strongest pairs", rows = rows, limit = 50,
          columns = { "source_name", "target_name", "articles" } },
      },
    }))
  end,
}
