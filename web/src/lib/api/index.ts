export { api, buildPath, configureApi, type ApiResult, type BodyOf, type QueryOf, type ResponseOf } from './client';
export { ApiError, NetworkError, errorText, isApiError, type FieldErrors } from './errors';
