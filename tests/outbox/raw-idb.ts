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

/** The stored value of `key`'s record, from responses or else from its batch in the sent store. */
export async function rawGet(factory: IDBFactory, key: string): Promise<unknown> {
  const db = await rawOpen(factory);
  const tx = db.transaction(["responses", "sent"]);
  const value = await request(tx.objectStore("responses").get(key));
  const batch = (await request(tx.objectStore("sent").index("id").get(key))) as
    | { ids: string[]; records: unknown[] }
    | undefined;
  db.close();
  return value ?? batch?.records[batch.ids.indexOf(key)];
}

/** The sent store's values, in key order. */
export async function rawSentBatches(factory: IDBFactory): Promise<{ ids: string[]; records: unknown[] }[]> {
  const db = await rawOpen(factory);
  const values = await request(db.transaction("sent").objectStore("sent").getAll());
  db.close();
  return values;
}

/** Adds `value` to the sent store as it is; gives its key. */
export async function rawAddBatch(factory: IDBFactory, value: unknown): Promise<IDBValidKey> {
  const db = await rawOpen(factory);
  const key = await request(db.transaction("sent", "readwrite").objectStore("sent").add(value));
  db.close();
  return key;
}

/** Every value of `store`, in key order. */
export async function rawAll(factory: IDBFactory, store: string): Promise<unknown[]> {
  const db = await rawOpen(factory);
  const values = await request(db.transaction(store).objectStore(store).getAll());
  db.close();
  return values;
}
