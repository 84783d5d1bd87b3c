/**
 * Which entries of a zip are symbolic links. fflate's unzip does not say: the Unix mode sits in
 * the high 16 bits of each central directory entry's external attributes (APPNOTE 4.4.15),
 * written by Info-ZIP's `zip -y` and by most Unix tools, and a link's data is its target.
 */

const END_OF_CENTRAL_DIRECTORY = 0x06054b50;
const ZIP64_END_LOCATOR = 0x07064b50;
const ZIP64_END = 0x06064b50;
const CENTRAL_ENTRY = 0x02014b50;
/** "version made by" hosts whose external attributes carry a Unix mode: Unix, OS X */
const UNIX_HOSTS = new Set([3, 19]);
const S_IFMT = 0o170000;
const S_IFLNK = 0o120000;

const utf8 = new TextDecoder("utf-8");
const latin1 = new TextDecoder("latin1");

/** Names (as fflate gives them) of the zip's symbolic-link entries; empty when it cannot tell. */
export function symlinkEntries(zip: Uint8Array): Set<string> {
  const links = new Set<string>();
  const view = new DataView(zip.buffer, zip.byteOffset, zip.byteLength);
  const end = findEnd(view);
  if (end === null) return links;
  let count = view.getUint16(end + 10, true);
  let offset = view.getUint32(end + 16, true);
  if (offset === 0xffffffff || count === 0xffff) {
    const locator = end - 20;
    if (locator < 0 || view.getUint32(locator, true) !== ZIP64_END_LOCATOR) return links;
    const end64 = Number(view.getBigUint64(locator + 8, true));
    if (end64 + 56 > view.byteLength || view.getUint32(end64, true) !== ZIP64_END) return links;
    count = Number(view.getBigUint64(end64 + 32, true));
    offset = Number(view.getBigUint64(end64 + 48, true));
  }
  for (let i = 0; i < count && offset + 46 <= view.byteLength; i++) {
    if (view.getUint32(offset, true) !== CENTRAL_ENTRY) break;
    const host = view.getUint8(offset + 5);
    const flags = view.getUint16(offset + 8, true);
    const nameLength = view.getUint16(offset + 28, true);
    const extraLength = view.getUint16(offset + 30, true);
    const commentLength = view.getUint16(offset + 32, true);
    const mode = view.getUint32(offset + 38, true) >>> 16;
    const nameBytes = zip.subarray(offset + 46, offset + 46 + nameLength);
    // bit 11: the name is UTF-8, else CP437, which fflate reads as Latin-1 too
    const name = (flags & 0x800 ? utf8 : latin1).decode(nameBytes);
    if (UNIX_HOSTS.has(host) && (mode & S_IFMT) === S_IFLNK) links.add(name);
    offset += 46 + nameLength + extraLength + commentLength;
  }
  return links;
}

/** The end of central directory record: the last signature within its 64 KiB comment's reach. */
function findEnd(view: DataView): number | null {
  const lowest = Math.max(0, view.byteLength - 22 - 0xffff);
  for (let at = view.byteLength - 22; at >= lowest; at--) {
    if (view.getUint32(at, true) === END_OF_CENTRAL_DIRECTORY) return at;
  }
  return null;
}
