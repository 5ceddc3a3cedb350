import { mappingExplanationNl, mappingTitleNl } from "../../src/contract/mapping-doc.ts";

process.stdout.write(JSON.stringify({ title: mappingTitleNl, markdown: mappingExplanationNl }));
