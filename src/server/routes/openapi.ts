import { Hono } from "hono";
import { openApiDocument } from "../openapi/document";

export function openApiRoutes(): Hono {
  const document = openApiDocument();
  return new Hono().get("/openapi.json", (c) => c.json(document));
}
