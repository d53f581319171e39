/**
 * Streets (街道/镇) from the `admin_level=8` boundary relations of an extract, clipped to its bounds.
 *
 * An API extract holds only the boundary ways that cross its box, so most boundary relations cannot
 * be closed into rings. Instead the box is cut into faces by those ways (done in PostGIS: polygonize
 * the box outline and the clipped ways), and each face is decided to lie inside or outside each
 * boundary relation from what the file does say:
 *  - crossing a member way of a relation flips inside/outside; crossing any other way does not;
 *  - a relation's `label` node, or a `place` node of its name, lies inside it;
 *  - weaker, used only where the rest leaves a face open: its `admin_centre` node (a township's
 *    government often sits in the neighbouring city street, as 滨江镇's does in Guixi), and an
 *    element whose `addr:*` value names it;
 *  - a `subarea` lies inside its parent; relations of one admin level do not overlap.
 * This is constraint propagation over the faces (a two-colouring per relation); a relation nothing
 * anchors stays undecided and is reported, never guessed.
 */
import type { OsmDocument, OsmTags } from '../formats/osm-xml.js';
import type { Position } from '../geometry/position.js';
import { elementLabel, elementPosition } from './element-geometry.js';

/** The admin level whose boundaries are streets (街道) and townships (镇/乡) in China's OSM data. */
export const STREET_ADMIN_LEVEL = 8;

export interface AdminRelation {
  id: number;
  level: number;
  name: string;
  /** Other names the relation goes by (name:zh, the name without a parenthesised part). */
  aliases: string[];
  wayIds: ReadonlySet<number>;
  subareaIds: number[];
}

/** A boundary way's pieces that have their nodes in the file, as `[lon, lat]` lines. */
export interface BoundaryLine {
  wayId: number;
  coordinates: Position[];
}

/** A place where the file says a relation's area is: its label node, or an address naming it. */
export interface AdminEvidence {
  relationId: number;
  position: Position;
  /** `label node 123`, `addr:district=龙岗区 on way 456`. */
  source: string;
  strength: 'strong' | 'weak';
}

export interface AdminBoundaries {
  /** Every administrative boundary relation of the file, any level. */
  relations: AdminRelation[];
  /** The member ways of the street-level relations: the lines that cut the box into faces. */
  lines: BoundaryLine[];
  evidence: AdminEvidence[];
}

const ADDRESS_KEYS = [
  'addr:province',
  'addr:city',
  'addr:district',
  'addr:county',
  'addr:town',
  'addr:subdistrict',
  'addr:suburb',
  'is_in:city',
  'is_in:town',
];

function relationNames(tags: OsmTags): { name: string; aliases: string[] } {
  const name = tags['name:zh'] ?? tags.name ?? '';
  const aliases = new Set(
    [tags.name, tags['name:zh'], tags['name:zh-Hans']].filter((value): value is string => !!value),
  );
  for (const value of [...aliases]) aliases.add(value.replace(/\s*[（(][^）)]*[）)]\s*$/, '').trim());
  return {
    name: name.replace(/\s*[（(][^）)]*[）)]\s*$/, '').trim() || name,
    aliases: [...aliases].filter((alias) => alias !== ''),
  };
}

/** The administrative boundaries of an extract: relations, street-level boundary lines, and evidence. */
export function readAdminBoundaries(document: OsmDocument): AdminBoundaries {
  const relations: AdminRelation[] = [];
  const evidence: AdminEvidence[] = [];
  for (const relation of document.relations.values()) {
    const { tags } = relation;
    const level = Number(tags.admin_level);
    if (tags.boundary !== 'administrative' || !Number.isInteger(level)) continue;
    const { name, aliases } = relationNames(tags);
    relations.push({
      id: relation.id,
      level,
      name: name || `admin_level=${level} relation ${relation.id}`,
      aliases,
      wayIds: new Set(relation.members.filter((member) => member.type === 'way').map((member) => member.ref)),
      subareaIds: relation.members
        .filter((member) => member.type === 'relation' && member.role === 'subarea')
        .map((member) => member.ref),
    });
    for (const member of relation.members) {
      if (member.type !== 'node' || (member.role !== 'label' && member.role !== 'admin_centre')) continue;
      const node = document.nodes.get(member.ref);
      if (node) {
        const strength = member.role === 'label' ? 'strong' : 'weak';
        evidence.push({
          relationId: relation.id,
          position: [node.lon, node.lat],
          source: `${member.role} ${elementLabel('node', node.id)}`,
          strength,
        });
      }
    }
  }

  const byAlias = new Map<string, AdminRelation[]>();
  for (const relation of relations) {
    for (const alias of relation.aliases) byAlias.set(alias, [...(byAlias.get(alias) ?? []), relation]);
  }
  for (const node of document.nodes.values()) {
    const place = node.tags.place;
    if (place === undefined || node.tags.name === undefined) continue;
    for (const relation of byAlias.get(node.tags.name) ?? []) {
      evidence.push({
        relationId: relation.id,
        position: [node.lon, node.lat],
        source: `place=${place} ${elementLabel('node', node.id)} of that name`,
        strength: 'strong',
      });
    }
  }
  const addressEvidence = (type: 'node' | 'way' | 'relation', id: number, tags: OsmTags) => {
    for (const key of ADDRESS_KEYS) {
      const named = tags[key] === undefined ? undefined : byAlias.get(tags[key]);
      if (!named) continue;
      const position = elementPosition(document, type, id);
      if (!position.ok) return;
      for (const relation of named) {
        evidence.push({
          relationId: relation.id,
          position: position.position,
          source: `${key}=${tags[key]} on ${elementLabel(type, id)}`,
          strength: 'weak',
        });
      }
    }
  };
  for (const node of document.nodes.values()) addressEvidence('node', node.id, node.tags);
  for (const way of document.ways.values()) addressEvidence('way', way.id, way.tags);
  for (const relation of document.relations.values()) {
    if (relation.tags.boundary !== 'administrative') addressEvidence('relation', relation.id, relation.tags);
  }

  const lineWayIds = new Set<number>();
  for (const relation of relations)
    if (relation.level === STREET_ADMIN_LEVEL) for (const id of relation.wayIds) lineWayIds.add(id);
  const lines: BoundaryLine[] = [];
  for (const wayId of [...lineWayIds].sort((a, b) => a - b)) {
    const way = document.ways.get(wayId);
    if (!way) continue;
    // A way whose nodes are partly missing is cut at the gaps; each run of present nodes is a line.
    let run: Position[] = [];
    const flush = () => {
      if (run.length >= 2) lines.push({ wayId, coordinates: run });
      run = [];
    };
    for (const nodeId of way.nodeIds) {
      const node = document.nodes.get(nodeId);
      if (node) run.push([node.lon, node.lat]);
      else flush();
    }
    flush();
  }
  return { relations, lines, evidence };
}

/** Two faces on either side of a stretch of boundary, and the boundary ways along that stretch. */
export interface FaceAdjacency {
  faces: [number, number];
  wayIds: number[];
}

/** A piece of evidence located in a face (by PostGIS). */
export interface LocatedEvidence extends AdminEvidence {
  face: number;
}

export type StreetRelationStatus = 'in-extract' | 'outside-extract' | 'undecided';

export interface AdminFaceSolution {
  /** The street-level relation each face lies in, or null (no street boundary covers it, or undecided). */
  streetByFace: (number | null)[];
  /** Each street-level relation's fate. */
  statusByRelation: Map<number, StreetRelationStatus>;
  /** Evidence that contradicted what was already known, and faces claimed by two streets. */
  conflicts: string[];
}

const UNKNOWN = -1;

/**
 * Decides which street-level relation each face lies in (see the file comment). `relations` are
 * all boundary relations (other levels help through subareas and addresses).
 */
export function solveAdminFaces(
  faceCount: number,
  adjacency: readonly FaceAdjacency[],
  relations: readonly AdminRelation[],
  evidence: readonly LocatedEvidence[],
): AdminFaceSolution {
  const conflicts: string[] = [];
  const inside = new Map<number, Int8Array>(
    relations.map((relation) => [relation.id, new Int8Array(faceCount).fill(UNKNOWN)]),
  );
  const relationById = new Map(relations.map((relation) => [relation.id, relation]));
  const neighbours: { face: number; flips: (relation: AdminRelation) => boolean }[][] = Array.from(
    { length: faceCount },
    () => [],
  );
  for (const {
    faces: [a, b],
    wayIds,
  } of adjacency) {
    if (a === b) continue;
    // A relation whose boundary runs along this stretch once (not twice, e.g. a duplicated way) changes across it.
    const flips = (relation: AdminRelation) =>
      wayIds.filter((id) => relation.wayIds.has(id)).length % 2 === 1;
    neighbours[a].push({ face: b, flips });
    neighbours[b].push({ face: a, flips });
  }

  let changed = false;
  const set = (relationId: number, face: number, value: 0 | 1, why: string) => {
    const values = inside.get(relationId);
    if (!values) return;
    if (values[face] === UNKNOWN) {
      values[face] = value;
      changed = true;
    } else if (values[face] !== value) {
      conflicts.push(
        `${relationById.get(relationId)!.name}: ${why} contradicts what the boundary ways imply (face ${face})`,
      );
    }
  };

  const propagate = () => {
    for (const relation of relations) {
      const values = inside.get(relation.id)!;
      const queue: number[] = [];
      for (let face = 0; face < faceCount; face += 1) if (values[face] !== UNKNOWN) queue.push(face);
      while (queue.length > 0) {
        const face = queue.pop()!;
        for (const neighbour of neighbours[face]) {
          const expected = (neighbour.flips(relation) ? 1 - values[face] : values[face]) as 0 | 1;
          if (values[neighbour.face] === UNKNOWN) {
            values[neighbour.face] = expected;
            changed = true;
            queue.push(neighbour.face);
          } else if (values[neighbour.face] !== expected) {
            conflicts.push(
              `${relation.name}: its boundary ways do not enclose a consistent area (faces ${face} and ${neighbour.face})`,
            );
          }
        }
      }
    }
  };

  const implications = () => {
    for (const parent of relations) {
      const parentValues = inside.get(parent.id)!;
      for (const childId of parent.subareaIds) {
        const childValues = inside.get(childId);
        if (!childValues) continue;
        for (let face = 0; face < faceCount; face += 1) {
          if (childValues[face] === 1) set(parent.id, face, 1, `subarea ${relationById.get(childId)!.name}`);
          if (parentValues[face] === 0) set(childId, face, 0, `parent ${parent.name}`);
        }
      }
    }
    for (const relation of relations) {
      const values = inside.get(relation.id)!;
      for (const other of relations) {
        if (other.id === relation.id || other.level !== relation.level) continue;
        for (let face = 0; face < faceCount; face += 1) {
          if (values[face] === 1) set(other.id, face, 0, `${relation.name} of the same admin level`);
        }
      }
    }
  };

  const fixpoint = () => {
    do {
      changed = false;
      propagate();
      implications();
    } while (changed);
  };

  for (const item of evidence)
    if (item.strength === 'strong') set(item.relationId, item.face, 1, item.source);
  fixpoint();
  // Weak evidence only fills gaps, one piece at a time, so it never overrides what is settled.
  for (const item of evidence) {
    if (item.strength !== 'weak' || inside.get(item.relationId)?.[item.face] !== UNKNOWN) continue;
    set(item.relationId, item.face, 1, item.source);
    fixpoint();
  }

  const streets = relations.filter((relation) => relation.level === STREET_ADMIN_LEVEL);
  const statusByRelation = new Map<number, StreetRelationStatus>();
  for (const street of streets) {
    const values = inside.get(street.id)!;
    statusByRelation.set(
      street.id,
      values.includes(UNKNOWN) ? 'undecided' : values.includes(1) ? 'in-extract' : 'outside-extract',
    );
  }
  const streetByFace = Array.from({ length: faceCount }, (_, face) => {
    const claims = streets.filter(
      (street) => statusByRelation.get(street.id) === 'in-extract' && inside.get(street.id)![face] === 1,
    );
    if (claims.length > 1)
      conflicts.push(
        `face ${face} lies in ${claims.map((street) => street.name).join(' and ')}; given to the first`,
      );
    return claims.length > 0 ? claims[0].id : null;
  });
  return { streetByFace, statusByRelation, conflicts: [...new Set(conflicts)] };
}
