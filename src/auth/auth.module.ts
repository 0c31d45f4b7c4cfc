import { createSecretKey } from 'node:crypto';
import { Module } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { JwtModule } from '@nestjs/jwt';
import { AppConfig } from '../config/app-config';
import { PeopleModule } from '../people/people.module';
import { AuthController } from './auth.controller';
import { AuthGuard } from './auth.guard';
import { AuthService } from './auth.service';
import { LoginThrottle } from './login-throttle';
import { PrincipalLoader } from './principal.loader';

@Module({
  imports: [
    PeopleModule,
    JwtModule.registerAsync({
      inject: [AppConfig],
      useFactory: (config: AppConfig) => {
        // A key object, not the string: given a string, jsonwebtoken first tries (and fails) to
        // parse it as a public key on every verify, a thrown exception per request.
        const key = createSecretKey(Buffer.from(config.authSecret));
        return { secretOrKeyProvider: () => key, signOptions: { algorithm: 'HS256' }, verifyOptions: { algorithms: ['HS256'] } };
      },
    }),
  ],
  controllers: [AuthController],
  providers: [AuthService, LoginThrottle, PrincipalLoader, { provide: APP_GUARD, useClass: AuthGuard }],
  exports: [AuthService, PrincipalLoader, JwtModule],
})
export class AuthModule {}
