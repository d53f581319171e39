/**
 * Reads a Mapbox Vector Tile (spec 2.1: protobuf Tile → Layer → Feature with command-encoded
 * geometry) into each layer's polygons' rings, lines and points in tile units (0…extent, y down).
 * Enough to draw a vector base map on paper; properties are not read.
 */

export interface VectorTileGeometry {
  type: 'point' | 'line' | 'polygon';
  /** Points: one part per point; lines: one per line; polygons: one per ring. */
  parts: [number, number][][];
}

export interface DecodedVectorLayer {
  name: string;
  extent: number;
  features: VectorTileGeometry[];
}

class ProtobufReader {
  position = 0;
  constructor(
    private readonly bytes: Uint8Array,
    private readonly end = bytes.length,
  ) {}
  get done(): boolean {
    return this.position >= this.end;
  }
  varint(): number {
    let value = 0;
    let scale = 1;
    for (;;) {
      if (this.position >= this.end) throw new RangeError('a varint runs past the end of the tile');
      const byte = this.bytes[this.position++];
      value += (byte & 0x7f) * scale;
      if (byte < 0x80) return value;
      scale *= 128;
    }
  }
  /** A length-delimited field's reader, this one moved past it. */
  message(): ProtobufReader {
    const length = this.varint();
    const inner = new ProtobufReader(this.bytes, this.position + length);
    inner.position = this.position;
    this.position += length;
    return inner;
  }
  text(): string {
    const inner = this.message();
    return new TextDecoder().decode(this.bytes.subarray(inner.position, this.position));
  }
  packed(): number[] {
    const inner = this.message();
    const values: number[] = [];
    while (!inner.done) values.push(inner.varint());
    return values;
  }
  skip(wireType: number): void {
    if (wireType === 0) this.varint();
    else if (wireType === 1) this.position += 8;
    else if (wireType === 2) this.message();
    else if (wireType === 5) this.position += 4;
    else throw new RangeError(`unknown protobuf wire type ${wireType}`);
  }
}

const unzigzag = (value: number) => (value >>> 1) ^ -(value & 1);

function geometryOf(type: number, commands: number[]): VectorTileGeometry | null {
  const kind = type === 1 ? 'point' : type === 2 ? 'line' : type === 3 ? 'polygon' : null;
  if (!kind) return null;
  const parts: [number, number][][] = [];
  let [x, y] = [0, 0];
  let index = 0;
  while (index < commands.length) {
    const command = commands[index] & 0x7;
    const count = commands[index] >> 3;
    index += 1;
    if (command === 7) {
      const ring = parts.at(-1);
      if (ring && ring.length > 0) ring.push(ring[0]);
      continue;
    }
    for (let step = 0; step < count; step += 1) {
      x += unzigzag(commands[index]);
      y += unzigzag(commands[index + 1]);
      index += 2;
      if (command === 1 || kind === 'point') parts.push([[x, y]]);
      else parts.at(-1)?.push([x, y]);
    }
  }
  return { type: kind, parts };
}

/** The tile's layers with their features' geometry. Throws RangeError on a malformed tile. */
export function readVectorTile(bytes: Uint8Array): DecodedVectorLayer[] {
  const tile = new ProtobufReader(bytes);
  const layers: DecodedVectorLayer[] = [];
  while (!tile.done) {
    const key = tile.varint();
    if (key >> 3 !== 3 || (key & 7) !== 2) {
      tile.skip(key & 7);
      continue;
    }
    const reader = tile.message();
    const layer: DecodedVectorLayer = { name: '', extent: 4096, features: [] };
    while (!reader.done) {
      const field = reader.varint();
      if (field === (1 << 3) + 2) layer.name = reader.text();
      else if (field === (5 << 3) + 0) layer.extent = reader.varint();
      else if (field === (2 << 3) + 2) {
        const feature = reader.message();
        let type = 0;
        let commands: number[] = [];
        while (!feature.done) {
          const featureField = feature.varint();
          if (featureField === (3 << 3) + 0) type = feature.varint();
          else if (featureField === (4 << 3) + 2) commands = feature.packed();
          else feature.skip(featureField & 7);
        }
        const geometry = geometryOf(type, commands);
        if (geometry) layer.features.push(geometry);
      } else reader.skip(field & 7);
    }
    layers.push(layer);
  }
  return layers;
}
