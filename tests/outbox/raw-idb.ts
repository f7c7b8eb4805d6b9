/** Plain IndexedDB calls, to look at or damage the database behind the outbox's back. */
export function request<T>(req: IDBRequest<T>): Promise<T> {
  return new Promise((resolve, reject) => {
    req.onsuccess = () => resolve(req.result);
    req.onerror = () => reject(req.error);
  });
}

export async function rawOpen(factory: IDBFactory, name = "tsunagu", version?: number) {
  const req = factory.open(name, version);
  return request(req);
}

export async function rawPut(factory: IDBFactory, value: unknown, key?: string): Promise<void> {
  const db = await rawOpen(factory);
  const tx = db.transaction("responses", "readwrite");
  tx.objectStore("responses").put(value, key);
  await new Promise<void>((resolve, reject) => {
    tx.oncomplete = () => resolve();
    tx.onerror = () => reject(tx.error);
  });
  db.close();
}

export async function rawGet(factory: IDBFactory, key: string): Promise<unknown> {
  const db = await rawOpen(factory);
  const value = await request(db.transaction("responses").objectStore("responses").get(key));
  db.close();
  return value;
}
