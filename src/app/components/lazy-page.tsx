import type { ComponentType } from "preact";
import { useResource } from "../hooks/use-resource";
import { LoadError } from "./load-error";
import { Loading } from "./loading";

/** Renders a page whose code is a separate chunk, fetched the first time it is shown. */
export function LazyPage({ load, name }: { load: () => Promise<ComponentType>; name: string }) {
  const [page, retry] = useResource(load, name);
  if (page.status === "loading") return <Loading />;
  if (page.status === "failed") return <LoadError onRetry={retry} />;
  const Page = page.value;
  return <Page />;
}
