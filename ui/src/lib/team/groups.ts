import { postJson } from "../backend/postJson";
import { toApiError } from "../api/errors";

/**
 * A group of a team server (crates/polku-server/src/groups.rs): its name, its members' addresses,
 * and how many workshops are shared with it.
 */
export interface TeamGroup {
  /** Stays through a rename. */
  id: string;
  name: string;
  members: string[];
  workshops: number;
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

/** Gives a group another name; its members and workshops stay. Answers every group as it is now. */
export function renameGroup(group: string, name: string): Promise<TeamGroup[]> {
  return postJson("/api/team/groups/rename", { group, name });
}

/** Removes a group (its workshops stay); answers every group as it is now. */
export function removeGroup(group: string): Promise<TeamGroup[]> {
  return postJson("/api/team/groups/remove", { group });
}
