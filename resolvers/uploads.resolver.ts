import { Arg, Ctx, Mutation, Resolver } from 'type-graphql';
import type { Context } from '../src/context';
import * as uploads from '../src/services/uploads';
import { DeleteResponse } from '../schema/common';
import { DownloadUrl } from '../schema/uploads';

/**
 * Uploads themselves are multipart requests to `POST /admin/uploads` (and `/protected`), outside
 * GraphQL; these are the operations on a stored file by its key.
 */
@Resolver()
export class UploadsResolver {
  @Mutation(() => DownloadUrl, { description: 'A URL that reads the file for a limited time.' })
  createDownloadUrl(@Arg('fileKey', () => String, { nullable: true }) fileKey: string | null, @Ctx() ctx: Context) {
    return uploads.createDownloadUrl(ctx, fileKey ?? undefined);
  }

  @Mutation(() => DeleteResponse, { description: 'Removes a stored file (an unknown key answers the same).' })
  deleteUpload(@Arg('fileKey', () => String, { nullable: true }) fileKey: string | null, @Ctx() ctx: Context) {
    return uploads.deleteUpload(ctx, fileKey ?? undefined);
  }
}
