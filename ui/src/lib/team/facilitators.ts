import { postJson } from "../backend/postJson";
import { toApiError } from "../api/errors";

/** A facilitator of the team server, as its admins manage them (crates/polku-server/src/admin.rs). */
export interface TeamFacilitator {
  email: string;
  name: string;
  admin: boolean;
  disabled: boolean;
}

/** Who is signed in to the team server; null on the laptop or when no one is. */
export interface Me {
  name: string;
  email: string;
  admin: boolean;
  /** Facilitators may sign in through the organisation's OpenID provider. */
  provider: boolean;
}

export async function me(): Promise<Me | null> {
  try {
    const r = await fetch("/api/me");
    return r.ok ? ((await r.json()) as Me) : null;
  } catch {
    return null;
  }
}

export async function listFacilitators(): Promise<TeamFacilitator[]> {
  const r = await fetch("/api/team/facilitators");
  const body: unknown = await r.json().catch(() => null);
  if (!r.ok) throw toApiError(body, r.status);
  return body as TeamFacilitator[];
}

export function addFacilitator(f: { email: string; name: string; password?: string; admin: boolean }): Promise<TeamFacilitator> {
  return postJson("/api/team/facilitators", f);
}

export function updateFacilitator(u: { email: string; disabled?: boolean; admin?: boolean; password?: string }): Promise<TeamFacilitator> {
  return postJson("/api/team/facilitators/update", u);
}
