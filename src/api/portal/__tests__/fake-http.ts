/** A request as far as servePortal reads it, with the plugin's portal options in its scope. */
export function fakeRequest(method: string, path: string, portal: { path: string; enabled: boolean }) {
  const scope = { resolve: () => ({ getOptions: () => ({ portal }) }) }
  return { method, path, scope } as any
}

/** A response that records what was set and sent. */
export function fakeResponse() {
  const res: any = { headers: {} as Record<string, string>, statusCode: 200, body: undefined }
  res.setHeader = (name: string, value: string) => ((res.headers[name.toLowerCase()] = value), res)
  res.status = (code: number) => ((res.statusCode = code), res)
  res.type = () => res
  res.send = (body: unknown) => ((res.body = body), res)
  return res
}
