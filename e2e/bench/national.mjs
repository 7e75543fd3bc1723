// Synthetic national-scale data for the benchmark (NOT real boundaries, NOT committed: bench/national/ is
// gitignored). Deterministic: the same seed gives byte-identical files.
//  - gemeenten.geojson: 342 municipalities tiling lon 3.3–7.2 / lat 50.75–53.55 — Lloyd-relaxed Voronoi cells
//    (computed here by half-plane clipping, no dependency) with wiggly borders that both neighbours share
//    exactly; 30–60 vertices each; codes GM9001–GM9342, invented names, properties exactly {code, name}.
//  - region.json: the region's name and its 342 codes (a region folder, so `cargo xtask build --region
//    bench/national` builds it like any region).
//  - listings.json: 20,000 listings in the widget's format (core/src/listing.rs, deny_unknown_fields), each
//    point inside its municipality, unique lowercase ids, a `sector` for every partnerwerk item.
// Approach after /work/shared/bench/scripts/gen-national.mjs (peer harness), re-implemented without d3-delaunay.
//
//   node bench/national.mjs [OUTDIR]      (default: ../bench/national relative to e2e/)
import fs from "node:fs";
import path from "node:path";
import crypto from "node:crypto";
import { fileURLToPath } from "node:url";

const here = path.dirname(fileURLToPath(import.meta.url));
export const NATIONAL_DIR = path.resolve(here, "../../bench/national");
export const N_MUNICIPALITIES = 342;
export const N_LISTINGS = 20000;
export const FIRST_CODE = "GM9001";
export const SECOND_CODE = "GM9002";

const SEED = 342;
const [LON0, LAT0, LON1, LAT1] = [3.3, 50.75, 7.2, 53.55];
const KX = Math.cos((52.15 * Math.PI) / 180); // roughly equal-distance plane: x = lon * KX
const [X0, X1, Y0, Y1] = [LON0 * KX, LON1 * KX, LAT0, LAT1];
const DEC = 4; // boundary decimals (~10 m)
const PT_DEC = 5; // listing point decimals

/** mulberry32 */
function rng(seed) {
  let a = seed >>> 0;
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  next.int = (n) => Math.floor(next() * n);
  next.pick = (arr) => arr[Math.floor(next() * arr.length)];
  next.range = (lo, hi) => lo + next() * (hi - lo);
  return next;
}
function fnv(str) {
  let h = 0x811c9dc5;
  for (let i = 0; i < str.length; i++) { h ^= str.charCodeAt(i); h = Math.imul(h, 0x01000193); }
  return h >>> 0;
}

// ---------------------------------------------------------------------------------------------------------
// Voronoi by half-plane clipping. A cell is a convex polygon; every edge carries a label: the neighbour seed's
// index, or a box side ("L", "R", "B", "T"). A vertex is defined by its cell and the labels of its two edges;
// its coordinates are computed from that sorted label triple only, so neighbouring cells get identical values.

const SIDES = { L: [1, 0, X0], R: [1, 0, X1], B: [0, 1, Y0], T: [0, 1, Y1] }; // a*x + b*y = c

function bisector(pts, i, j) { // a*x + b*y = c, points closer to i have a*x+b*y < c
  const [xi, yi] = pts[i], [xj, yj] = pts[j];
  return [xj - xi, yj - yi, (xj * xj + yj * yj - xi * xi - yi * yi) / 2];
}
function lineOf(pts, i, label) { return typeof label === "number" ? bisector(pts, i, label) : SIDES[label]; }
function intersect([a1, b1, c1], [a2, b2, c2]) {
  const d = a1 * b2 - a2 * b1;
  return [(c1 * b2 - c2 * b1) / d, (a1 * c2 - a2 * c1) / d];
}
/** Canonical vertex from {seed i, label p, label q}: sorted so every cell computing it does the same arithmetic. */
function vertexKey(i, p, q) {
  const labels = [i, p, q];
  const seeds = labels.filter((l) => typeof l === "number").sort((a, b) => a - b);
  const sides = labels.filter((l) => typeof l === "string").sort();
  return { key: [...seeds, ...sides].join(","), seeds, sides };
}
function vertexAt(pts, { seeds, sides }) {
  if (sides.length >= 2) return intersect(SIDES[sides[0]], SIDES[sides[1]]);
  if (sides.length === 1) return intersect(bisector(pts, seeds[0], seeds[1]), SIDES[sides[0]]);
  return intersect(bisector(pts, seeds[0], seeds[1]), bisector(pts, seeds[0], seeds[2]));
}

function voronoiCells(pts) {
  const cells = [];
  for (let i = 0; i < pts.length; i++) {
    // vertices [x, y] and out-edge labels
    let poly = [[X0, Y0], [X1, Y0], [X1, Y1], [X0, Y1]];
    let labels = ["B", "R", "T", "L"];
    const order = pts.map((p, j) => [j, (p[0] - pts[i][0]) ** 2 + (p[1] - pts[i][1]) ** 2]).filter(([j]) => j !== i).sort((a, b) => a[1] - b[1]);
    for (const [j, d2] of order) {
      // Early exit: no vertex farther than half the distance to j can be cut.
      const maxR2 = Math.max(...poly.map(([x, y]) => (x - pts[i][0]) ** 2 + (y - pts[i][1]) ** 2));
      if (d2 / 4 > maxR2) break;
      const [a, b, c] = bisector(pts, i, j);
      const side = poly.map(([x, y]) => a * x + b * y - c);
      if (side.every((s) => s <= 0)) continue;
      const np = [], nl = [];
      for (let k = 0; k < poly.length; k++) {
        const k2 = (k + 1) % poly.length;
        const [sa, sb] = [side[k], side[k2]];
        const [pa, pb] = [poly[k], poly[k2]];
        const cross = () => { const t = sa / (sa - sb); return [pa[0] + t * (pb[0] - pa[0]), pa[1] + t * (pb[1] - pa[1])]; };
        if (sa <= 0 && sb <= 0) { np.push(pa); nl.push(labels[k]); }
        else if (sa <= 0 && sb > 0) { np.push(pa); nl.push(labels[k]); np.push(cross()); nl.push(j); }
        else if (sa > 0 && sb <= 0) { np.push(cross()); nl.push(labels[k]); }
      }
      poly = np; labels = nl;
    }
    // Canonical vertices: vertex k lies between edge labels[k-1] and labels[k].
    const verts = poly.map((_, k) => {
      const vk = vertexKey(i, labels[(k - 1 + poly.length) % poly.length], labels[k]);
      return { key: vk.key, at: vertexAt(pts, vk) };
    });
    cells.push({ verts, labels });
  }
  return cells;
}

function centroid(poly) {
  let a = 0, cx = 0, cy = 0;
  for (let i = 0; i < poly.length; i++) {
    const [x0, y0] = poly[i], [x1, y1] = poly[(i + 1) % poly.length];
    const c = x0 * y1 - x1 * y0;
    a += c; cx += (x0 + x1) * c; cy += (y0 + y1) * c;
  }
  return [cx / (3 * a), cy / (3 * a)];
}

// ---------------------------------------------------------------------------------------------------------
// Point in polygon (even-odd), as the validator does it.

function ringContains(ring, x, y) {
  let inside = false;
  for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
    const [xi, yi] = ring[i], [xj, yj] = ring[j];
    if (yi > y !== yj > y && x < ((xj - xi) * (y - yi)) / (yj - yi) + xi) inside = !inside;
  }
  return inside;
}
function distToRing(ring, x, y) {
  let best = Infinity;
  for (let i = 0; i < ring.length - 1; i++) {
    const [ax, ay] = ring[i], [bx, by] = ring[i + 1];
    const dx = bx - ax, dy = by - ay;
    const t = Math.max(0, Math.min(1, ((x - ax) * dx + (y - ay) * dy) / (dx * dx + dy * dy || 1)));
    best = Math.min(best, Math.hypot(x - ax - t * dx, y - ay - t * dy));
  }
  return best;
}
function segmentsCross(p1, p2, p3, p4) {
  const o = (a, b, c) => Math.sign((b[0] - a[0]) * (c[1] - a[1]) - (b[1] - a[1]) * (c[0] - a[0]));
  return o(p1, p2, p3) * o(p1, p2, p4) < 0 && o(p3, p4, p1) * o(p3, p4, p2) < 0;
}
function ringSelfIntersects(ring) {
  const n = ring.length - 1;
  for (let i = 0; i < n; i++)
    for (let j = i + 2; j < n; j++) {
      if (i === 0 && j === n - 1) continue;
      if (segmentsCross(ring[i], ring[i + 1], ring[j], ring[j + 1])) return true;
    }
  return false;
}

// ---------------------------------------------------------------------------------------------------------
// Names and listing text (invented).

const STEMS = ["Ammer", "Bree", "Dal", "Elst", "Haar", "Hol", "Kamp", "Lin", "Marl", "Ol", "Ros", "Span", "Ter", "Val",
  "Wes", "Zel", "Berk", "Dor", "Gel", "Hem", "Lut", "Mol", "Nes", "Rijs", "Stap", "Vor", "Wold", "Eek", "Bun", "Fle"];
const ENDS = ["broek", "veen", "dam", "dijk", "horst", "hoven", "wijk", "zande", "berg", "lo", "hem", "drecht", "meer",
  "kerk", "burg", "rade", "stede", "hout", "sum", "um", "ingen", "oord"];
const PRE = ["", "", "", "Noord-", "Zuid-", "Oost-", "West-", "Nieuw-", "Oud-"];
const PRACTICES = ["De Esch", "Het Hofje", "De Linde", "Kattenveld", "De Marke", "Het Brink", "De Molenhoek",
  "Het Veldhuis", "De Zwaluw", "Dorpsstraat", "De Bleek", "Het Ambacht", "De Kei", "Rozengaarde", "De Essen"];
const STREETS = ["Lindelaan", "Esweg", "Kerkstraat", "Molenweg", "Beukenlaan", "Stationsweg", "Dijkhoek",
  "Schoolstraat", "Veldkamp", "Eikenlaan", "Brinkstraat", "Hazelaar"];
const EMPLOYERS = ["Zorggroep", "Kenniscentrum", "Machinefabriek", "Gemeentelijke dienst", "Adviesbureau",
  "Scholengroep", "Installatiebedrijf", "Waterschapskantoor", "ICT-dienstverlener", "Revalidatiecentrum"];
const EMPLOYER_NAMES = ["Dinkelzicht", "Regge & Vecht", "Lonnekerberg", "Hulsbeek", "Springendal", "Weseperveld", "Kotten"];
const SECTORS = ["zorg", "onderwijs-onderzoek", "techniek-industrie", "overheid", "zakelijke-dienstverlening", "overig"];
const KINDS = {
  praktijk: ["overname", "associatie", "waarneming", "startpraktijk"],
  wonen: ["koop", "huur", "nieuwbouw", "praktijkwoning", "praktijkruimte"],
  partnerwerk: ["werkgever"],
};
const KIND_TEXT = {
  overname: "Praktijkovername", associatie: "Associatie", waarneming: "Waarneming", startpraktijk: "Startpraktijk",
  koop: "Koopwoning", huur: "Huurwoning", nieuwbouw: "Nieuwbouw", praktijkwoning: "Woning met praktijkruimte",
  praktijkruimte: "Praktijkruimte",
};
const PREFIX = { praktijk: "prk", wonen: "won", partnerwerk: "wrk" };
const COUNTS = { praktijk: 8889, wonen: 5556, partnerwerk: 5555 }; // 40:25:25 like the peer, 20,000 in all

function listing(category, index, muni, point, r) {
  const kind = r.pick(KINDS[category]);
  const id = `${PREFIX[category]}-${String(index).padStart(5, "0")}`;
  const place = muni.name;
  const month = 1 + r.int(10);
  const item = { id, category, kind, municipality: muni.code, town: place, point };
  if (category === "praktijk") {
    const p = `Huisartsenpraktijk ${r.pick(PRACTICES)}`;
    item.title = `${KIND_TEXT[kind]} – ${p}, ${place}`;
    item.description = `${p} in ${place} zoekt een huisarts (${KIND_TEXT[kind].toLowerCase()}). Ongeveer ${1800 + 100 * r.int(16)} ingeschreven patiënten, goede samenwerking met POH-S en POH-GGZ. Synthetische testdata.`;
    item.link = `https://example.org/praktijken/${id}`;
    item.updated = `2026-${String(month).padStart(2, "0")}-${String(1 + r.int(28)).padStart(2, "0")}`;
    item.hours = `${3 + r.int(3)} dagen per week`;
    item.patients = 1800 + 100 * r.int(16);
    if (r() < 0.2) item.training = true;
  } else if (category === "wonen") {
    const street = `${r.pick(STREETS)} ${1 + r.int(180)}`;
    item.title = `${KIND_TEXT[kind]}: ${street}, ${place}`;
    item.description = `${3 + r.int(4)}-kamerwoning van ${70 + 5 * r.int(30)} m² aan de ${street} in ${place}. Basisschool en sportpark op loopafstand. Synthetische testdata.`;
    item.link = `https://example.org/wonen/${id}`;
    item.updated = `2026-${String(month).padStart(2, "0")}-${String(1 + r.int(28)).padStart(2, "0")}`;
    item.price = kind === "huur" ? { min: 900 + 25 * r.int(40), per: "maand" } : { min: 280000 + 5000 * r.int(70), per: "eenmalig" };
  } else {
    const name = `${r.pick(EMPLOYERS)} ${r.pick(EMPLOYER_NAMES)}`;
    item.title = `${name}, ${place}`;
    item.description = `${name} in ${place} heeft vacatures voor partners van nieuwe huisartsen. Parttime en flexibele werktijden mogelijk. Synthetische testdata.`;
    item.link = `https://example.org/partnerwerk/${id}`;
    item.updated = `2026-${String(month).padStart(2, "0")}-${String(1 + r.int(28)).padStart(2, "0")}`;
    item.sector = r.pick(SECTORS);
  }
  return item;
}

// ---------------------------------------------------------------------------------------------------------

export function generate() {
  const rand = rng(SEED);
  const N = N_MUNICIPALITIES;
  let pts = Array.from({ length: N }, () => [rand.range(X0, X1), rand.range(Y0, Y1)]);
  let cells;
  for (let it = 0; it <= 4; it++) {
    cells = voronoiCells(pts);
    if (it === 4) break;
    pts = cells.map((c) => centroid(c.verts.map((v) => v.at)));
  }
  // Wiggly shared borders, generated once per edge from its canonical endpoint keys.
  const perims = cells.map((c) => c.verts.reduce((s, v, k) => { const w = c.verts[(k + 1) % c.verts.length].at; return s + Math.hypot(w[0] - v.at[0], w[1] - v.at[1]); }, 0));
  const step = perims.reduce((s, p) => s + p, 0) / N / 38;
  const edges = new Map();
  function edgePoints(a, b, boxSide) {
    const flip = a.key > b.key;
    const k = flip ? `${b.key}|${a.key}` : `${a.key}|${b.key}`;
    if (!edges.has(k)) {
      const [p, q] = flip ? [b.at, a.at] : [a.at, b.at];
      const len = Math.hypot(q[0] - p[0], q[1] - p[1]);
      const r = rng(fnv(k));
      const n = Math.max(2, Math.min(10, Math.round(len / step)));
      let [nx, ny] = [-(q[1] - p[1]) / len, (q[0] - p[0]) / len];
      if (boxSide) {
        const [cx, cy] = [(X0 + X1) / 2 - (p[0] + q[0]) / 2, (Y0 + Y1) / 2 - (p[1] + q[1]) / 2];
        if (nx * cx + ny * cy < 0) [nx, ny] = [-nx, -ny];
      }
      const f = 1 + r.int(2), ph = r.range(0, 2 * Math.PI), amp = r.range(0.03, 0.07) * len;
      const out = [];
      for (let j = 1; j <= n; j++) {
        const t = (j + r.range(-0.3, 0.3)) / (n + 1);
        let off = amp * Math.sin(Math.PI * t) * (0.7 * Math.sin(2 * Math.PI * f * t + ph) + 0.3 * r.range(-1, 1));
        if (boxSide) off = Math.abs(off);
        out.push([p[0] + t * (q[0] - p[0]) + off * nx, p[1] + t * (q[1] - p[1]) + off * ny]);
      }
      edges.set(k, out);
    }
    const mid = edges.get(k);
    return flip ? mid.slice().reverse() : mid;
  }
  const round = (v) => Math.round(v * 10 ** DEC) / 10 ** DEC;
  const used = new Set();
  const makeName = () => { for (;;) { const n = rand.pick(PRE) + rand.pick(STEMS) + rand.pick(ENDS); if (!used.has(n)) { used.add(n); return n; } } };
  // Codes north-west to south-east.
  const order = cells.map((_, i) => i).sort((i, j) => (Math.round((Y1 - pts[i][1]) * 5) - Math.round((Y1 - pts[j][1]) * 5)) || pts[i][0] - pts[j][0]);
  const features = order.map((ci, n) => {
    const { verts, labels } = cells[ci];
    const ring = [];
    for (let k = 0; k < verts.length; k++) {
      ring.push(verts[k].at, ...edgePoints(verts[k], verts[(k + 1) % verts.length], typeof labels[k] === "string"));
    }
    let out = ring.map(([x, y]) => [round(x / KX), round(y)]);
    out = out.filter((p, i) => i === 0 || p[0] !== out[i - 1][0] || p[1] !== out[i - 1][1]);
    if (out.length > 1 && out[0][0] === out[out.length - 1][0] && out[0][1] === out[out.length - 1][1]) out.pop();
    let s = 0;
    for (let i = 0; i < out.length; i++) { const [a, b] = [out[i], out[(i + 1) % out.length]]; s += a[0] * b[1] - b[0] * a[1]; }
    if (s < 0) out.reverse(); // RFC 7946: exterior rings counter-clockwise
    out.push(out[0]);
    return { type: "Feature", properties: { code: `GM${9001 + n}`, name: makeName() }, geometry: { type: "Polygon", coordinates: [out] } };
  });
  for (const f of features) if (ringSelfIntersects(f.geometry.coordinates[0])) throw new Error(`${f.properties.code}: ring crosses itself`);

  // Listings: heavy-tailed municipality sizes; points by rejection sampling, kept ≥ ~50 m from the border.
  const weights = features.map(() => 0.3 + Math.pow(rand(), 3) * 6);
  const total = weights.reduce((s, w) => s + w, 0);
  const pickMuni = () => { let r = rand() * total; for (let i = 0; i < weights.length; i++) { r -= weights[i]; if (r < 0) return i; } return weights.length - 1; };
  const bboxes = features.map((f) => {
    const ring = f.geometry.coordinates[0];
    return [Math.min(...ring.map((p) => p[0])), Math.min(...ring.map((p) => p[1])), Math.max(...ring.map((p) => p[0])), Math.max(...ring.map((p) => p[1]))];
  });
  const F = 10 ** PT_DEC;
  const items = [];
  for (const category of ["praktijk", "wonen", "partnerwerk"]) {
    for (let i = 1; i <= COUNTS[category]; i++) {
      const m = pickMuni();
      const ring = features[m].geometry.coordinates[0];
      const [x0, y0, x1, y1] = bboxes[m];
      let point = null;
      for (let tries = 0; tries < 10000 && !point; tries++) {
        const p = [Math.round(rand.range(x0, x1) * F) / F, Math.round(rand.range(y0, y1) * F) / F];
        if (ringContains(ring, p[0], p[1]) && distToRing(ring, p[0], p[1]) > 5e-4) point = p;
      }
      if (!point) throw new Error(`no point inside ${features[m].properties.code}`);
      items.push(listing(category, i, features[m].properties, point, rand));
    }
  }
  const meta = {
    title: { nl: "Huisarts in Nederland (synthetische benchmarkdata)", en: "GP in the Netherlands (synthetic benchmark data)" },
    intro: { nl: "Verzonnen gemeenten en vacatures op landelijke schaal, alleen voor de benchmark.", en: "Invented municipalities and listings at national scale, for the benchmark only." },
    contact: { email: "info@example.org", url: "https://example.org" },
    updated: "2026-11-20",
    demo: true,
    stand_text: { nl: "Praat met ons hier op de stand", en: "Talk to us here at the stand" },
  };
  const geo = `{"type":"FeatureCollection","features":[\n${features.map((f) => JSON.stringify(f)).join(",\n")}\n]}\n`;
  const lj = `{"meta":${JSON.stringify(meta)},"items":[\n${items.map((x) => JSON.stringify(x)).join(",\n")}\n]}\n`;
  // A region of its own, so the benchmark can build (and prerender) it as a national deployment would be built:
  // `cargo xtask build --region bench/national`.
  const region = `${JSON.stringify({ name: "Nederland (benchmark)", codes: features.map((f) => f.properties.code) })}\n`;
  const verts = features.map((f) => f.geometry.coordinates[0].length - 1).sort((a, b) => a - b);
  return { geo, listings: lj, region, stats: { municipalities: features.length, items: items.length, verticesMin: verts[0], verticesMedian: verts[verts.length >> 1], verticesMax: verts[verts.length - 1], verticesTotal: verts.reduce((s, v) => s + v, 0), geoBytes: Buffer.byteLength(geo), listingsBytes: Buffer.byteLength(lj) } };
}

/** Writes the data set into `dir` unless it is already there from this very generator (stamp = source hash). */
export function ensureNational(dir = NATIONAL_DIR) {
  const stampFile = path.join(dir, ".generator");
  const stamp = crypto.createHash("sha256").update(fs.readFileSync(fileURLToPath(import.meta.url))).digest("hex");
  if (fs.existsSync(stampFile) && fs.readFileSync(stampFile, "utf8").split("\n")[0] === stamp &&
      ["gemeenten.geojson", "listings.json", "region.json"].every((f) => fs.existsSync(path.join(dir, f)))) {
    return { dir, cached: true, stats: JSON.parse(fs.readFileSync(stampFile, "utf8").split("\n")[1] || "{}") };
  }
  const t0 = performance.now();
  const { geo, listings, region, stats } = generate();
  fs.mkdirSync(dir, { recursive: true });
  fs.writeFileSync(path.join(dir, "gemeenten.geojson"), geo);
  fs.writeFileSync(path.join(dir, "listings.json"), listings);
  fs.writeFileSync(path.join(dir, "region.json"), region);
  stats.generateMs = Math.round(performance.now() - t0);
  fs.writeFileSync(stampFile, `${stamp}\n${JSON.stringify(stats)}\n`);
  return { dir, cached: false, stats };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const r = ensureNational(process.argv[2] ? path.resolve(process.argv[2]) : NATIONAL_DIR);
  console.log(`${r.cached ? "up to date" : "wrote"} ${r.dir}: ${JSON.stringify(r.stats)}`);
}
