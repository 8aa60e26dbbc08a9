/** Compares two semantic versions (1.2.3, 1.2.3-beta.1): negative when a < b, 0 when equal. */
export function compareVersions(a: string, b: string): number {
  const [coreA = "", preA] = splitVersion(a);
  const [coreB = "", preB] = splitVersion(b);
  const numsA = coreA.split(".").map(Number);
  const numsB = coreB.split(".").map(Number);
  for (let i = 0; i < 3; i++) {
    const diff = (numsA[i] ?? 0) - (numsB[i] ?? 0);
    if (diff !== 0) return diff;
  }
  if (preA === preB) return 0;
  if (preA === undefined) return 1;
  if (preB === undefined) return -1;
  return preA.localeCompare(preB, "en", { numeric: true });
}

function splitVersion(version: string): [string | undefined, string | undefined] {
  const withoutBuild = version.split("+")[0] ?? "";
  const dash = withoutBuild.indexOf("-");
  return dash === -1
    ? [withoutBuild, undefined]
    : [withoutBuild.slice(0, dash), withoutBuild.slice(dash + 1)];
}
