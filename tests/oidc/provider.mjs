// A real OpenID provider for the tests: the certified npm `oidc-provider`, on a free loopback
// port, with its own sign-in and consent pages (any password is taken for an account it knows).
// Given one JSON argument:
//   { "clients": [{ "client_id", "client_secret", "redirect_uris": [...] }],
//     "accounts": { "<login>": { "email", "email_verified", "name" } } }
// It prints its issuer URL on the first line of stdout and runs until stdin closes.
import http from "node:http";
import Provider from "oidc-provider";

const given = JSON.parse(process.argv[2] ?? "{}");
const server = http.createServer();
await new Promise((ok) => server.listen(0, "127.0.0.1", ok));
const issuer = `http://127.0.0.1:${server.address().port}`;

const provider = new Provider(issuer, {
  clients: (given.clients ?? []).map((c) => ({ grant_types: ["authorization_code"], response_types: ["code"], ...c })),
  // As Keycloak and Entra do: the address and name with the `email` and `profile` scopes. In the
  // code flow this provider keeps them to its UserInfo endpoint, not the ID token.
  claims: { openid: ["sub"], email: ["email", "email_verified"], profile: ["name"] },
  async findAccount(_ctx, id) {
    const account = given.accounts?.[id];
    if (!account) return undefined;
    return { accountId: id, claims: async () => ({ sub: id, ...account }) };
  },
  cookies: { keys: ["polku-tests-only"] },
  features: { devInteractions: { enabled: true } },
});
// Its pages are for a test; it says so on every start, which is noise here.
provider.on("server_error", (_ctx, e) => console.error("oidc-provider:", e));
server.on("request", provider.callback());
process.stdout.write(`${issuer}\n`);
process.stdin.on("end", () => process.exit(0));
process.stdin.resume();
