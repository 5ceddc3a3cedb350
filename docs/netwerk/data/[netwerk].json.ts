import { paramOf } from "../../../loaders/lists.ts";
import { networkPageJson } from "../../../loaders/network-page.ts";

process.stdout.write(await networkPageJson(paramOf("netwerk")));
