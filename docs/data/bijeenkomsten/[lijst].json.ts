import { paramOf, scopePayload } from "../../../loaders/scopes.ts";

process.stdout.write(await scopePayload("bijeenkomsten", paramOf("lijst")));
