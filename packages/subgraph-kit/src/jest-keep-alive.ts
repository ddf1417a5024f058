// Jest's setup for every test file: the tests' own fetch calls keep connections as the services do.
import { useShortKeepAliveClient } from './keep-alive';

useShortKeepAliveClient();
