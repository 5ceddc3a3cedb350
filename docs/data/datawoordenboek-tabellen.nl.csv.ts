import { dictionaryCsv } from "../../loaders/site-extra.ts";

process.stdout.write(dictionaryCsv());
