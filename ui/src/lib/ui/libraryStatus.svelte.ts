import type { LibraryStatus } from "../api/generated/LibraryStatus";
import type { Backend } from "../backend/backend";

/** The library's state (read only, damaged, its folder), shared by the banner and the list. */
export const library = $state<{ status: LibraryStatus | null }>({ status: null });

/** Asks again (at start, after a reconnect: a restarted server may have a writable folder now). */
export async function loadLibraryStatus(api: Backend): Promise<void> {
  try {
    library.status = await api.call("library_status", {});
  } catch {
    // Unreachable server: the connection status says so already.
  }
}
