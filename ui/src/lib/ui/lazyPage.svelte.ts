/**
 * A page whose code is a bundle chunk of its own, loaded when it is first needed (or ahead, once
 * the first page is on screen), so the workshop list comes up without first evaluating the
 * board's code. Once loaded it stays.
 */
export interface LazyPage<C> {
  /** The component, once loaded. */
  readonly component: C | null;
  /** True when the last load failed (the chunk could not be fetched or evaluated). */
  readonly failed: boolean;
  /** Starts loading, once; after a failure, again. */
  load(): Promise<void>;
}

export function lazyPage<C>(importer: () => Promise<{ default: C }>): LazyPage<C> {
  let component = $state.raw<C | null>(null);
  let failed = $state(false);
  let loading: Promise<void> | null = null;
  return {
    get component() {
      return component;
    },
    get failed() {
      return failed;
    },
    load() {
      loading ??= importer().then(
        (m) => {
          component = m.default;
          failed = false;
        },
        (e) => {
          console.error(e);
          failed = true;
          loading = null;
        },
      );
      return loading;
    },
  };
}
