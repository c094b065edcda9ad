import { Readable } from 'node:stream';
import type { FastifyInstance } from 'fastify';
import { EXPORT_FORMATS, EXPORT_FORMAT_NAMES, ExportFormatError, parseExportFormat } from '../../export/index.js';
import { errorSchema, idParams } from '../schemas.js';

/** One case (an identity and everything linked to it) in the formats of `chronicle export`. */
export async function exportRoutes(app: FastifyInstance): Promise<void> {
  app.get<{ Params: { id: number }; Querystring: { format?: string } }>('/entities/:id/export', {
    // the handler answers a bad format itself, naming the formats there are
    attachValidation: true,
    schema: {
      summary: 'One case as FollowTheMoney JSON lines, an events CSV or GraphML: the identity, the partners of its relations, everyone in its events, their places and the documents naming it',
      description: `Streams the file as a download (docs/exports.md). Formats: ${EXPORT_FORMAT_NAMES.map((f) => `\`${f}\`: ${EXPORT_FORMATS[f].description}`).join('; ')}.`,
      tags: ['entities'],
      params: idParams,
      querystring: {
        type: 'object',
        required: ['format'],
        properties: { format: { type: 'string', enum: EXPORT_FORMAT_NAMES, description: 'ftm, events-csv or graphml' } },
      },
      response: {
        200: {
          description: 'the export, streamed',
          content: Object.fromEntries(EXPORT_FORMAT_NAMES.map((f) => [EXPORT_FORMATS[f].contentType.split(';')[0], { schema: { type: 'string' } }])),
        },
        400: errorSchema,
        404: errorSchema,
      },
    },
  }, async (req, reply) => {
    const bad = (message: string) => reply.code(400).send({ statusCode: 400, error: 'Bad Request', message });
    if (req.validationError) {
      const context = req.validationError.validationContext;
      if (context !== 'querystring') return bad(req.validationError.message);
    }
    let format;
    try {
      format = parseExportFormat(typeof req.query.format === 'string' ? req.query.format : undefined);
    } catch (err) {
      if (err instanceof ExportFormatError) return bad(`format: ${err.message}`);
      throw err;
    }
    const reader = app.store.exportReader();
    const scope = await reader.caseScope(req.params.id);
    if (!scope) return reply.code(404).send({ statusCode: 404, error: 'Not Found', message: `no entity ${req.params.id}` });
    const info = EXPORT_FORMATS[format];
    const chunks = info.run(reader, scope, {
      skipped: (doc, reason) => req.log.warn(`export of entity ${req.params.id}: ${doc}: ${reason}; left out`),
    });
    return reply
      .header('content-type', info.contentType)
      .header('content-disposition', `attachment; filename="chronicle-entity-${req.params.id}.${info.extension}"`)
      .send(Readable.from(chunks));
  });
}
