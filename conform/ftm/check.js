// Reads a FollowTheMoney JSON Lines file (one entity a line) with
// @alephdata/followthemoney, the model library Aleph's web interface uses,
// and checks every entity against the model it ships: Model.getEntity
// rejects an unknown schema or property; this script adds what the library
// leaves to its callers: the id pattern and length, no abstract or
// deprecated schema, no deprecated or stub (reverse-only) property, the
// required properties (a schema's and its ancestors'), and each value
// against its type (dates, countries, URLs, numbers, the maximum length, and
// entity references that resolve inside the file to an entity of the
// property's range). It prints {"counts": {schema: n}, "errors": [...]}.
'use strict';
const fs = require('fs');
const {Model, defaultModel} = require('@alephdata/followthemoney');

const model = new Model(defaultModel);
const idPattern = /^[0-9a-zA-Z]([0-9a-zA-Z.-]*[0-9a-zA-Z])?$/;
const datePattern = /^(\d{4})(-(\d{2})(-(\d{2})(T\d{2}(:\d{2}(:\d{2})?)?)?)?)?$/;
const countries = defaultModel.types.country.values;

const counts = {};
const errors = [];
const schemaOf = new Map(); // id -> Schema
const refs = []; // [line, id, property, target, range]

function validDate(v) {
  const m = datePattern.exec(v);
  if (!m) return false;
  if (m[3] === undefined) return true;
  const month = Number(m[3]);
  if (month < 1 || month > 12) return false;
  if (m[5] === undefined) return true;
  const day = Number(m[5]);
  const last = new Date(Date.UTC(Number(m[1]), month, 0)).getUTCDate();
  return day >= 1 && day <= last;
}

function validURL(v) {
  try {
    const u = new URL(v);
    return (u.protocol === 'http:' || u.protocol === 'https:') && u.hostname !== '';
  } catch {
    return false;
  }
}

const lines = fs.readFileSync(process.argv[2], 'utf8').split('\n');
if (lines[lines.length - 1] === '') lines.pop();
lines.forEach((text, i) => {
  const line = i + 1;
  const fail = (msg) => errors.push(`line ${line}: ${msg}`);
  let raw;
  try {
    raw = JSON.parse(text);
  } catch (e) {
    return fail(`not JSON: ${e.message}`);
  }
  const keys = Object.keys(raw).sort().join(',');
  if (keys !== 'id,properties,schema') fail(`keys ${keys}, want id, properties, schema`);
  let entity;
  try {
    entity = model.getEntity(raw);
  } catch (e) {
    return fail(e.message);
  }
  const schema = entity.schema;
  const id = raw.id;
  if (typeof id !== 'string' || !idPattern.test(id) || id.length > 200) fail(`id ${JSON.stringify(id)} does not match the pattern or is longer than 200`);
  if (schemaOf.has(id)) fail(`id ${id} is used twice`);
  schemaOf.set(id, schema);
  counts[schema.name] = (counts[schema.name] || 0) + 1;
  if (schema.abstract) fail(`schema ${schema.name} is abstract`);
  if (schema.deprecated) fail(`schema ${schema.name} is deprecated`);
  for (const [name, values] of Object.entries(raw.properties || {})) {
    const prop = schema.getProperty(name);
    if (prop.deprecated) fail(`${schema.name}:${name} is deprecated`);
    if (prop.stub) fail(`${schema.name}:${name} is a reverse (stub) property`);
    if (!Array.isArray(values) || values.length === 0) {
      fail(`${name}: not a non-empty list`);
      continue;
    }
    if (new Set(values).size !== values.length) fail(`${name}: repeated values`);
    const max = prop.maxLength || prop.type.maxLength;
    for (const v of values) {
      if (typeof v !== 'string' || v.trim() === '') {
        fail(`${name}: value ${JSON.stringify(v)} is not a non-blank string`);
        continue;
      }
      if (max && [...v].length > max) fail(`${name}: value of ${[...v].length} characters, more than ${max}`);
      switch (prop.type.name) {
        case 'date':
          if (!validDate(v)) fail(`${name}: ${JSON.stringify(v)} is not a date`);
          break;
        case 'country':
          if (!Object.hasOwn(countries, v)) fail(`${name}: ${JSON.stringify(v)} is not a country code`);
          break;
        case 'url':
          if (!validURL(v)) fail(`${name}: ${JSON.stringify(v)} is not an http(s) URL`);
          break;
        case 'number':
          if (!/^-?\d+(\.\d+)?$/.test(v)) fail(`${name}: ${JSON.stringify(v)} is not a number`);
          break;
        case 'entity':
          refs.push([line, id, `${schema.name}:${name}`, v, prop.getRange()]);
          break;
      }
    }
  }
  const required = new Set();
  for (const s of [schema, ...schema.getParents()]) s.required.forEach((r) => required.add(r));
  for (const r of required) {
    if (!entity.hasProperty(r)) fail(`${schema.name} ${id} has no ${r}, which the model requires`);
  }
  if (schema.edge) {
    for (const end of [schema.edge.source, schema.edge.target]) {
      if (!entity.hasProperty(end)) fail(`edge ${schema.name} ${id} has no ${end}`);
    }
  }
});
for (const [line, id, prop, target, range] of refs) {
  const s = schemaOf.get(target);
  if (!s) errors.push(`line ${line}: ${id} ${prop} names ${target}, which is not in the file`);
  else if (!s.isA(range)) errors.push(`line ${line}: ${id} ${prop} names ${target}, a ${s.name}, not a ${range.name}`);
}
process.stdout.write(JSON.stringify({counts, errors}));
