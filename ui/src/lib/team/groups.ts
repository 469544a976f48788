import { postJson } from "../backend/postJson";
import { toApiError } from "../api/errors";

/** A group of a team server (crates/polku-server/src/groups.rs): its name and members' addresses. */
export interface TeamGroup {
  name: string;
  members: string[];
}

export async function listGroups(): Promise<TeamGroup[]> {
  const r = await fetch("/api/team/groups");
  const body: unknown = await r.json().catch(() => null);
  if (!r.ok) throw toApiError(body, r.status);
  return body as TeamGroup[];
}

/** Adds a group; answers every group as it is now. */
export function addGroup(name: string): Promise<TeamGroup[]> {
  return postJson("/api/team/groups", { name });
}

/** Puts a facilitator in a group, or takes them out; answers every group as it is now. */
export function setMember(group: string, email: string, member: boolean): Promise<TeamGroup[]> {
  return postJson("/api/team/groups/member", { group, email, member });
}
